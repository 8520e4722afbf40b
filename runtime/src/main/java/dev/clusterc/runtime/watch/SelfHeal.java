package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * PLACEHOLDER so the reconciler compiles before the drift helper's branch is merged: same
 * signatures, no behaviour. Drop this file at merge; the real {@code SelfHeal} replaces it.
 */
public final class SelfHeal {
  private volatile int tracked;

  public SelfHeal(KubernetesClient client, String applySetId, HealPolicy policy, Executor serial,
      WatchListener listener) {}

  public void desire(Map<ObjectId, GenericKubernetesResource> desired, Set<ObjectId> written) {
    tracked = desired.size();
  }

  public void pause(boolean paused) {}

  public int resync() {
    return 0;
  }

  public int tracked() {
    return tracked;
  }

  public void close() {}

  /** Placeholder of the drift helper's policy. */
  public record HealPolicy(int attempts, Duration window, Duration firstBackOff, Duration maxBackOff) {
    static HealPolicy defaults() {
      return new HealPolicy(3, Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofMinutes(5));
    }
  }
}
