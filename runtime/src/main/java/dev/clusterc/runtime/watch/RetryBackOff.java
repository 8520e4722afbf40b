package dev.clusterc.runtime.watch;

import java.time.Duration;

/**
 * When a failed reconcile is tried again: one tick after the first failure, doubling with each
 * further one, never later than {@link #MAX} (or one tick, if a tick is longer), so an API server
 * that stays away is asked rarely and never in a tight loop.
 */
final class RetryBackOff {
  /** The longest wait between two attempts. */
  static final Duration MAX = Duration.ofMinutes(5);

  private RetryBackOff() {}

  /** The wait after {@code failures} failures in a row (at least 1). */
  static Duration after(Duration tick, int failures) {
    Duration cap = tick.compareTo(MAX) > 0 ? tick : MAX;
    Duration wait = tick;
    for (int i = 1; i < failures && wait.compareTo(cap) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(cap) > 0 ? cap : wait;
  }
}
