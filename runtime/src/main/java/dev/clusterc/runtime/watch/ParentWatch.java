package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.inventory.ApplySetParent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.function.Consumer;

/**
 * Watches one cluster's ApplySet parent (an informer on {@code kube-system} selecting the ConfigMap by
 * name), so that {@code clusterc suspend} and {@code resume} take effect at once, without a read per
 * tick. Reports the suspend flag on every change of the parent, on the informer's thread: the
 * callback must only hand it on. A parent deleted counts as not suspended.
 */
final class ParentWatch implements AutoCloseable {
  private final SharedIndexInformer<ConfigMap> informer;

  private ParentWatch(SharedIndexInformer<ConfigMap> informer) {
    this.informer = informer;
  }

  /**
   * Starts watching {@code cluster}'s parent; returns at once (the first list happens in the
   * background, and is reported like a change).
   *
   * @throws KubernetesClientException when the informer cannot be made
   */
  static ParentWatch start(KubernetesClient client, String cluster, Consumer<Boolean> suspended) {
    ApplySetParent parent = ApplySetParent.forCluster(cluster);
    SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace(parent.namespace())
        .withField("metadata.name", parent.name()).runnableInformer(0);
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(ConfigMap object) {
        suspended.accept(Suspension.of(object));
      }

      @Override
      public void onUpdate(ConfigMap before, ConfigMap after) {
        suspended.accept(Suspension.of(after));
      }

      @Override
      public void onDelete(ConfigMap object, boolean finalStateUnknown) {
        suspended.accept(false);
      }
    });
    informer.start();
    return new ParentWatch(informer);
  }

  /** Whether its informer still runs; one that stopped (its first list failed for good) is started anew. */
  boolean running() {
    return informer.isRunning();
  }

  /** Whether it watches now; when not (the server away, or it stopped), the caller reads the parent itself. */
  boolean watching() {
    return informer.isRunning() && informer.hasSynced() && informer.isWatching();
  }

  @Override
  public void close() {
    informer.close();
  }
}
