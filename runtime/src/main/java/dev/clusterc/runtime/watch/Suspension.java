package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.model.Kinds;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The suspend flag of a cluster: annotation {@value Kinds#SUSPEND}{@code : "true"} on its ApplySet
 * parent. While it is set, a watching reconciler applies and heals nothing; removing it resumes with
 * a full reconcile. {@code clusterc suspend} and {@code resume} set it through {@link #set}.
 */
public final class Suspension {
  private Suspension() {}

  /**
   * Suspends ({@code true}) or resumes ({@code false}) {@code cluster}.
   *
   * @throws IllegalStateException when the cluster was never applied (it has no parent yet)
   */
  public static void set(KubernetesClient client, String cluster, boolean suspended) {
    ParentAnnotations.set(client, cluster, Kinds.SUSPEND, suspended ? "true" : null);
  }

  /** Whether {@code parent} says suspended; a missing parent does not. */
  public static boolean of(ConfigMap parent) {
    return parent != null && "true".equalsIgnoreCase(ParentAnnotations.get(parent, Kinds.SUSPEND));
  }
}
