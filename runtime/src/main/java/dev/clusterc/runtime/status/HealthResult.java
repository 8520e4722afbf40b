package dev.clusterc.runtime.status;

import dev.clusterc.runtime.events.RunEvent.Waiting;
import dev.clusterc.runtime.model.ObjectId;
import java.time.Duration;
import java.util.List;

/** How a {@link HealthWait} ended. */
public sealed interface HealthResult {

  /** How long the wait took. */
  Duration elapsed();

  /** Whether every gating object became Current. */
  default boolean ready() {
    return this instanceof Ready;
  }

  /** Every gating object is Current. */
  record Ready(Duration elapsed) implements HealthResult {}

  /**
   * One object is Failed: waiting longer will not help (fail fast). {@code reason} says why, in its
   * controller's or our words, e.g. "rollout stuck: progress deadline exceeded".
   */
  record Failed(ObjectId object, String reason, Duration elapsed) implements HealthResult {}

  /** The time ran out; {@code pending} is every object still not Current, each with its status and why. */
  record TimedOut(List<Waiting> pending, Duration elapsed) implements HealthResult {
    public TimedOut {
      pending = List.copyOf(pending);
    }
  }
}
