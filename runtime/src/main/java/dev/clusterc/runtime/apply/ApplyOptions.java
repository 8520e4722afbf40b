package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.kube.ApplyFlags;
import java.time.Duration;

/**
 * How an apply runs.
 *
 * @param flags what it may override: other field managers' fields, immutable fields
 * @param unitTimeout how long one unit may take from its start until healthy (its CRDs and
 *     Namespaces usable, its health gates healthy)
 * @param parallelism how many independent units are applied at once (at least 1)
 * @param keepGoing after a unit fails, go on with the units that do not depend on it; by default
 *     (fail-fast) no new unit starts after the first failure
 */
public record ApplyOptions(ApplyFlags flags, Duration unitTimeout, int parallelism, boolean keepGoing) {
  /** The default time a unit has to become healthy. */
  public static final Duration DEFAULT_UNIT_TIMEOUT = Duration.ofMinutes(5);
  /** The default number of units applied at once. */
  public static final int DEFAULT_PARALLELISM = 4;

  public ApplyOptions {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    if (unitTimeout.isNegative() || unitTimeout.isZero()) {
      throw new IllegalArgumentException("the unit timeout must be positive, was " + unitTimeout);
    }
  }

  /** No overrides, 5 minutes a unit, 4 units at once, fail-fast. */
  public static ApplyOptions defaults() {
    return new ApplyOptions(ApplyFlags.NONE, DEFAULT_UNIT_TIMEOUT, DEFAULT_PARALLELISM, false);
  }

  public ApplyOptions withFlags(ApplyFlags other) {
    return new ApplyOptions(other, unitTimeout, parallelism, keepGoing);
  }

  public ApplyOptions withUnitTimeout(Duration other) {
    return new ApplyOptions(flags, other, parallelism, keepGoing);
  }

  public ApplyOptions withParallelism(int other) {
    return new ApplyOptions(flags, unitTimeout, other, keepGoing);
  }

  public ApplyOptions withKeepGoing(boolean other) {
    return new ApplyOptions(flags, unitTimeout, parallelism, other);
  }
}
