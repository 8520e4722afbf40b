package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.apply.ApplyOptions;
import dev.clusterc.runtime.inventory.Risk;
import java.time.Duration;
import java.util.Set;

/**
 * How {@code apply --watch} runs.
 *
 * @param apply how each reconcile applies (overrides, unit timeout, parallelism, fail-fast)
 * @param pruneData whether prune may delete objects holding data ({@code --prune-data})
 * @param allowed the consequences the user accepted with their flags; any other stops a reconcile
 * @param tick how often the reconciler looks at its parent (suspension) and retries a failed
 *     reconcile; a failing reconcile backs off from one tick, doubling, up to 5 minutes
 * @param resync how often every managed kind is listed to catch drift a dropped watch missed
 * @param heal when self-heal backs off an object that keeps drifting
 */
public record WatchOptions(ApplyOptions apply, boolean pruneData, Set<Risk> allowed, Duration tick, Duration resync,
    SelfHeal.HealPolicy heal) {
  /** The default tick. */
  public static final Duration DEFAULT_TICK = Duration.ofSeconds(30);
  /** The default full resync interval. */
  public static final Duration DEFAULT_RESYNC = Duration.ofMinutes(10);

  public WatchOptions {
    allowed = Set.copyOf(allowed);
    if (!positive(tick)) {
      throw new IllegalArgumentException("the tick must be positive, was " + tick);
    }
    if (!positive(resync)) {
      throw new IllegalArgumentException("the resync interval must be positive, was " + resync);
    }
  }

  /** Part 1's apply defaults, no data pruned, no risk accepted, a tick of 30 s, a resync every 10 min. */
  public static WatchOptions defaults() {
    return new WatchOptions(ApplyOptions.defaults(), false, Set.of(), DEFAULT_TICK, DEFAULT_RESYNC,
        SelfHeal.HealPolicy.defaults());
  }

  public WatchOptions withApply(ApplyOptions other) {
    return new WatchOptions(other, pruneData, allowed, tick, resync, heal);
  }

  public WatchOptions withTick(Duration other) {
    return new WatchOptions(apply, pruneData, allowed, other, resync, heal);
  }

  public WatchOptions withResync(Duration other) {
    return new WatchOptions(apply, pruneData, allowed, tick, other, heal);
  }

  private static boolean positive(Duration duration) {
    return duration != null && !duration.isNegative() && !duration.isZero();
  }
}
