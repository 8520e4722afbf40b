package dev.clusterc.compiler.emit.core;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.files.ObjectKinds;
import dev.clusterc.compiler.source.SourceSpan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;

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

  /** Completes the object's metadata in place (see the class comment). */
  public static void complete(GenericKubernetesResource object, Decl app, SourceSpan entry, EmitContext context) {
    ObjectMeta own = object.getMetadata();
    String namespace = context.namespaceOf(app);
    ObjectMeta standard = context.meta(app, entry, own.getName(), namespace);
    if (namespaced(object.getKind()) && (own.getNamespace() == null || own.getNamespace().isEmpty())) {
      own.setNamespace(namespace);
    }
    Map<String, String> labels = new LinkedHashMap<>(standard.getLabels());
    if (own.getLabels() != null) {
      labels.putAll(own.getLabels());
    }
    own.setLabels(labels);
    Map<String, String> annotations = new LinkedHashMap<>();
    if (own.getAnnotations() != null) {
      annotations.putAll(own.getAnnotations());
    }
    annotations.putAll(standard.getAnnotations());
    own.setAnnotations(annotations);
  }
}
