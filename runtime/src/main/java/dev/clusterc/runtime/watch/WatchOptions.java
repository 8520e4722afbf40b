package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.apply.ApplyOptions;
import dev.clusterc.runtime.inventory.Risk;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

// placeholder until merge
/** How a watching reconciler runs (placeholder with the agreed signature). */
public record WatchOptions(ApplyOptions apply, boolean pruneData, Set<Risk> allowed, Duration tick, Duration resync,
    SelfHeal.HealPolicy heal) {
  public static WatchOptions defaults() {
    return new WatchOptions(ApplyOptions.defaults(), false, EnumSet.noneOf(Risk.class), Duration.ofSeconds(30),
        Duration.ofMinutes(10), SelfHeal.HealPolicy.defaults());
  }
}
