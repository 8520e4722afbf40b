package dev.clusterc.runtime.watch;

import io.fabric8.kubernetes.client.KubernetesClient;

// placeholder until merge
/** Leader election over a Lease (placeholder with the agreed signature). */
public final class Leadership implements AutoCloseable {
  public Leadership(KubernetesClient client, String namespace, String lease, String identity, Runnable onStart,
      Runnable onStop, WatchListener events) {}

  public void start() {}

  public boolean leading() {
    return false;
  }

  @Override
  public void close() {}
}
