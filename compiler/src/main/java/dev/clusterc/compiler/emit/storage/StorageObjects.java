package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.source.SourceSpan;

/**
 * New objects of the storage emitters as plain trees, with the metadata every emitted object
 * carries: the standard labels and the {@code clusterc.dev/source} line of the entry that made it
 * (the same as {@link EmitContext#object} gives).
 */
final class StorageObjects {
  private StorageObjects() {}

  /** An object made for {@code source}, pointing at {@code span}; {@code namespace} is {@code null} when cluster-scoped. */
  static KubeObject of(EmitContext context, String apiVersion, String kind, Decl source, SourceSpan span, String name,
      String namespace) {
    KubeObject object = KubeObject.of(apiVersion, kind, name, namespace);
    object.labels().put("app.kubernetes.io/name", source.name());
    object.labels().put("app.kubernetes.io/part-of", context.clusterName());
    object.labels().put("app.kubernetes.io/managed-by", "clusterc");
    object.annotations().put(EmitContext.SOURCE_ANNOTATION, context.source(span));
    return object;
  }

  /** An object made for {@code source}, pointing at its name. */
  static KubeObject of(EmitContext context, String apiVersion, String kind, Decl source, String name, String namespace) {
    return of(context, apiVersion, kind, source, source.site(), name, namespace);
  }
}
