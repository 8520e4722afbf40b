package dev.clusterc.runtime.watch;

import io.fabric8.kubernetes.client.KubernetesClient;

// placeholder until merge
/** The suspend flag on a cluster's ApplySet parent (placeholder with the agreed signature). */
public final class Suspension {
  private Suspension() {}

  public static void set(KubernetesClient client, String cluster, boolean suspended) {
    throw new UnsupportedOperationException("placeholder until merge");
  }
}
