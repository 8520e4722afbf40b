package dev.clusterc.runtime.watch;

import java.time.Duration;

/**
 * The one exponential back-off of the watch: a first wait, doubled with each further attempt, never
 * longer than a maximum. A failed reconcile waits {@code delay(tick, failures, MAX)}, so an API server
 * that stays away is asked rarely and never in a tight loop; self-heal and the Git source use the same
 * rule with their own first and longest waits.
 */
public final class RetryBackOff {
  /** The longest wait between two attempts of a failed reconcile (or Git fetch). */
  public static final Duration MAX = Duration.ofMinutes(5);

  private RetryBackOff() {}

  /**
   * The wait before attempt {@code attempt} (1 for the first retry): {@code first}, doubled
   * {@code attempt - 1} times, at most {@code max}. A {@code max} shorter than {@code first} means no
   * doubling: the wait is always {@code first}. An attempt below 1 counts as 1.
   *
   * @throws IllegalArgumentException when {@code first} is negative or {@code max} is null
   */
  public static Duration delay(Duration first, int attempt, Duration max) {
    if (first == null || first.isNegative() || max == null) {
      throw new IllegalArgumentException("a back-off needs a first wait that is not negative and a maximum, got "
          + first + " and " + max);
    }
    Duration cap = max.compareTo(first) < 0 ? first : max;
    Duration wait = first;
    for (int i = 1; i < attempt && wait.compareTo(cap) < 0; i++) {
      // halve the cap instead of doubling the wait past it: no overflow, however long the cap
      wait = wait.compareTo(cap.dividedBy(2)) > 0 ? cap : wait.multipliedBy(2);
    }
    return wait;
  }
}
