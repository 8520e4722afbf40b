package dev.clusterc.runtime.watch;

import java.time.Duration;

// placeholder until merge
/** Self-heal of drifted objects (placeholder with the agreed signature). */
public final class SelfHeal {
  private SelfHeal() {}

  /** How often an object may be healed before healing backs off. */
  public record HealPolicy(int attempts, Duration window, Duration firstBackOff, Duration maxBackOff) {
    public static HealPolicy defaults() {
      return new HealPolicy(3, Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofMinutes(5));
    }
  }
}
