package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.model.ObjectId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The object that stands for an ApplySet: its kind, namespace and name, and the id derived from them.
 *
 * <p>clusterc keeps one per cluster, a ConfigMap {@code kube-system/clusterc-<cluster>}
 * ({@link #forCluster}). A ConfigMap, not a Secret (kubectl's default): what it holds, the members'
 * kinds and names, is not secret, and a person or a read-only plan may read ConfigMaps where Secrets are
 * withheld; kubectl accepts both as parents. {@code kube-system}: it exists on every cluster, and it is
 * never a namespace clusterc creates, so pruning a namespace can never delete the inventory with it.
 */
public record ApplySetParent(String group, String kind, String namespace, String name) {
  /** The namespace of every clusterc parent. */
  public static final String NAMESPACE = "kube-system";

  public ApplySetParent {
    group = group == null ? "" : group;
  }

  /** clusterc's parent for {@code cluster}: ConfigMap {@code kube-system/clusterc-<cluster>}. */
  public static ApplySetParent forCluster(String cluster) {
    if (cluster == null || cluster.isBlank()) {
      throw new IllegalArgumentException("a cluster needs a name to name its inventory");
    }
    return new ApplySetParent("", "ConfigMap", NAMESPACE, "clusterc-" + cluster);
  }

  /** A ConfigMap parent, as {@code kubectl apply --applyset=configmap/NAME -n NAMESPACE} makes it. */
  public static ApplySetParent configMap(String namespace, String name) {
    return new ApplySetParent("", "ConfigMap", namespace, name);
  }

  /**
   * The set's id: {@code applyset-} + base64url without padding of the SHA-256 of
   * {@code name.namespace.kind.group} + {@code -v1} (the namespace and group empty when there is none),
   * as the KEP defines it and kubectl computes it.
   */
  public String id() {
    String key = name + "." + (namespace == null ? "" : namespace) + "." + kind + "." + group;
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "applyset-" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "-v1";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /** The parent as an object id. */
  public ObjectId objectId() {
    return new ObjectId(group, kind, namespace, name);
  }

  /** {@code ConfigMap kube-system/clusterc-home}. */
  @Override
  public String toString() {
    return objectId().toString();
  }
}
