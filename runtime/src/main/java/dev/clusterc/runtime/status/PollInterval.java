package dev.clusterc.runtime.status;

import java.time.Duration;

/**
 * How long a wait sleeps between polls: {@code first} after the first poll, doubling up to
 * {@code max}. Short at first because most objects are ready within a second of being applied;
 * longer later so a slow rollout does not cost many requests.
 */
public record PollInterval(Duration first, Duration max) {
  /** 250 ms, rising to 2 s. */
  public static final PollInterval DEFAULT = new PollInterval(Duration.ofMillis(250), Duration.ofSeconds(2));

  public PollInterval {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("poll interval must be positive and first <= max, got " + first + ", " + max);
    }
  }

  /** The interval after {@code previous}. */
  public Duration after(Duration previous) {
    Duration doubled = previous.multipliedBy(2);
    return doubled.compareTo(max) > 0 ? max : doubled;
  }
}
