package dev.clusterc.cli.bench;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The watch bench's own eyes on the cluster: one watch on every Deployment, over a connection of its
 * own (so none of it counts as the reconciler's requests, and it caches nothing), telling when a
 * Deployment was seen in an expected state. An expectation is a small state machine over the
 * object's successive versions, set up before the change that starts it, so no event can slip
 * between the change and the wait.
 */
final class DeploymentObserver implements AutoCloseable {
  /** Looks at each new version of one Deployment; true once the awaited state is seen. */
  interface Expectation extends Predicate<Deployment> {}

  private record Waiting(Expectation expectation, CompletableFuture<Long> seen) {}

  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  private final Watch watch;

  DeploymentObserver(KubernetesClient client) {
    this.watch = client.apps().deployments().inAnyNamespace().watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, Deployment deployment) {
        long at = System.nanoTime();
        String key = key(deployment.getMetadata().getNamespace(), deployment.getMetadata().getName());
        Waiting w = waiting.get(key);
        if (w != null && action != Action.DELETED && w.expectation().test(deployment)) {
          waiting.remove(key, w);
          w.seen().complete(at);
        }
      }

      @Override
      public void onClose(WatcherException cause) {
        waiting.values().forEach(w -> w.seen().completeExceptionally(cause));
      }
    });
  }

  /** From now on, the first version of {@code namespace/name} that {@code expectation} accepts completes the future with when it was seen. */
  CompletableFuture<Long> expect(String namespace, String name, Expectation expectation) {
    CompletableFuture<Long> seen = new CompletableFuture<>();
    waiting.put(key(namespace, name), new Waiting(expectation, seen));
    return seen;
  }

  /** Forgets an expectation that timed out. */
  void forget(String namespace, String name) {
    waiting.remove(key(namespace, name));
  }

  /** Seen with {@code changed} replicas, then with {@code original} again: scaled by hand, then healed. */
  static Expectation scaledAndBack(int changed, int original) {
    boolean[] scaled = {false};
    return deployment -> {
      Integer replicas = deployment.getSpec().getReplicas();
      if (replicas != null && replicas == changed) {
        scaled[0] = true;
      }
      return scaled[0] && replicas != null && replicas == original;
    };
  }

  /** Its first container runs {@code image}. */
  static Expectation runs(String image) {
    return deployment -> image.equals(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  @Override
  public void close() {
    watch.close();
  }
}
