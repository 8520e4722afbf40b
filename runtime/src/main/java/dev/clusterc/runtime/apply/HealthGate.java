package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.events.RunEvent.Waiting;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Waits until a unit's gating objects are healthy on the cluster. The runner asks it after a unit's
 * objects are applied and starts the unit's dependents only when it answers healthy.
 */
@FunctionalInterface
public interface HealthGate {

  /** What a wait ended with: healthy, or not with the reason to print. */
  record Outcome(boolean healthy, String reason) {
    public static final Outcome HEALTHY = new Outcome(true, "");

    public static Outcome unhealthy(String reason) {
      return new Outcome(false, reason);
    }
  }

  /**
   * Waits until every object of {@code gates} is healthy, at most {@code timeout}, telling
   * {@code pending} what it still waits for whenever that changes.
   *
   * @throws InterruptedException when the run is cancelled while waiting
   */
  Outcome await(List<GenericKubernetesResource> gates, Duration timeout, Consumer<List<Waiting>> pending)
      throws InterruptedException;
}
