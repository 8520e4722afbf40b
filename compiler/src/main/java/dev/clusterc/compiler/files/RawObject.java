package dev.clusterc.compiler.files;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.Map;

/**
 * One object of an app's {@code manifests}, read and checked during analysis: its fields as
 * written (aliases resolved), the identity Kubernetes gives it, and where it comes from.
 *
 * @param fields the document, never changed after reading (the emitter works on a copy)
 * @param group the API group, {@code ""} for the core group
 * @param namespace where it lands: its own {@code metadata.namespace}, else the app's when the
 *     kind is namespaced, else {@code null}
 * @param entry the {@code manifests} entry, {@code span} the position diagnostics point at
 * @param where the document's place for messages ({@code FILE:LINE} or {@code line N of …})
 */
public record RawObject(Map<String, Object> fields, String group, String kind, String namespace, String name,
    BoundEntry entry, SourceSpan span, String where) {
  /** A fresh object with the fields as read (a deep copy), for the emitter to complete. */
  public KubeObject toObject() {
    return KubeObject.fromMap(fields);
  }
}
