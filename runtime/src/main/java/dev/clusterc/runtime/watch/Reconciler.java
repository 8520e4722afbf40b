package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.events.RunListener;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

// placeholder until merge
/** The long-running reconciler (placeholder with the agreed signature). */
public final class Reconciler implements AutoCloseable {
  public Reconciler(KubernetesClient client, String version, WatchOptions options, RunListener runs, WatchListener events) {}

  public void start() {}

  public void submit(Desired desired) {}

  public void reject(String revision, String origin, List<String> diagnostics) {}

  public WatchStatus status() {
    return new WatchStatus(null, null, null, List.of(), false, 0, false);
  }

  @Override
  public void close() {}
}
