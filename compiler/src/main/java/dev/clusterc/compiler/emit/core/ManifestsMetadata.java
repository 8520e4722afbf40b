package dev.clusterc.compiler.emit.core;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.files.ObjectKinds;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the compiler adds to a raw object of an app's {@code manifests}: the app's namespace when a
 * namespaced object names none, the standard labels (the object's own labels win), and the source
 * annotation pointing at the {@code manifests} entry.
 */
public final class ManifestsMetadata {
  private ManifestsMetadata() {}

  /** Whether a kind is namespaced ({@link ObjectKinds#namespaced}). */
  public static boolean namespaced(String kind) {
    return ObjectKinds.namespaced(kind);
  }

  /**
   * Completes the object's metadata in place (see the class comment). Label and annotation values
   * a file wrote as numbers or booleans become text, as Kubernetes requires.
   */
  public static void complete(KubeObject object, Decl app, SourceSpan entry, EmitContext context) {
    String namespace = context.namespaceOf(app);
    if (namespaced(object.kind()) && (object.namespace() == null || object.namespace().isEmpty())) {
      object.metadata().put("namespace", namespace);
    }
    KubeObject standard = context.object(app, entry, object.apiVersion(), object.kind(), object.name(), namespace);
    Map<String, String> labels = new TreeMap<>(standard.labels());
    labels.putAll(texts(object.metadata().get("labels")));
    object.metadata().put("labels", labels);
    Map<String, String> annotations = new TreeMap<>(texts(object.metadata().get("annotations")));
    annotations.putAll(standard.annotations());
    object.metadata().put("annotations", annotations);
  }

  /** A map read from a file as text keys and values; anything else (absent, a list) as empty. */
  private static Map<String, String> texts(Object map) {
    Map<String, String> texts = new TreeMap<>();
    if (map instanceof Map<?, ?> entries) {
      entries.forEach((k, v) -> {
        if (v != null) {
          texts.put(String.valueOf(k), String.valueOf(v));
        }
      });
    }
    return texts;
  }
}
