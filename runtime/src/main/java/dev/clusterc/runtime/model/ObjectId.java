package dev.clusterc.runtime.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Comparator;

/**
 * Which object on the cluster: group (empty for the core group), kind, namespace ({@code null} for
 * a cluster-scoped object) and name. The version is not part of it: one object answers at every
 * version its API serves.
 */
public record ObjectId(String group, String kind, String namespace, String name) implements Comparable<ObjectId> {
  private static final Comparator<ObjectId> ORDER = Comparator.comparing(ObjectId::group)
      .thenComparing(ObjectId::kind)
      .thenComparing(id -> id.namespace == null ? "" : id.namespace)
      .thenComparing(ObjectId::name);

  public ObjectId {
    group = group == null ? "" : group;
    namespace = namespace == null || namespace.isEmpty() ? null : namespace;
  }

  /** The id of {@code object}, from its apiVersion, kind, namespace and name. */
  public static ObjectId of(HasMetadata object) {
    return new ObjectId(groupOf(object.getApiVersion()), object.getKind(), object.getMetadata().getNamespace(),
        object.getMetadata().getName());
  }

  /** The group of an apiVersion: {@code apps} of {@code apps/v1}, empty for {@code v1}. */
  public static String groupOf(String apiVersion) {
    int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** {@code Kind.group} as kubectl writes a group-qualified kind ({@code Deployment.apps}, {@code Service}). */
  public String groupKind() {
    return group.isEmpty() ? kind : kind + "." + group;
  }

  /** Whether the object lives in a namespace. */
  public boolean namespaced() {
    return namespace != null;
  }

  @Override
  public int compareTo(ObjectId other) {
    return ORDER.compare(this, other);
  }

  /** {@code Kind.group NAMESPACE/NAME}, or {@code Kind.group NAME} for a cluster-scoped object. */
  @Override
  public String toString() {
    return groupKind() + " " + (namespace == null ? name : namespace + "/" + name);
  }
}
