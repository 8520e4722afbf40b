package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.inventory.Consequence;
import dev.clusterc.runtime.inventory.PruneResult;
import dev.clusterc.runtime.inventory.Risk;
import java.util.List;
import java.util.Set;

/**
 * What applying a graph would do, looked at before anything is written: every object's planned
 * change, what prune would delete or keep, and the consequences in cluster terms (data lost, fewer
 * database instances, addresses moving) that {@code apply} refuses unless their flag is given.
 *
 * @param plan the objects' changes, unit by unit
 * @param prune what prune would do with the recorded objects no longer wanted (nothing is deleted)
 * @param consequences of the changes and the prune, in apply order
 */
public record Review(Plan plan, PruneResult prune, List<Consequence> consequences) {
  public Review {
    consequences = List.copyOf(consequences);
  }

  /** The consequences whose risk is not in {@code allowed}: what stops an apply. */
  public List<Consequence> refused(Set<Risk> allowed) {
    return consequences.stream().filter(c -> !allowed.contains(c.risk())).toList();
  }

  /** Whether applying would write anything, prune included ({@code diff} exits 1 then). */
  public boolean changesSomething() {
    return plan.changesSomething() || !prune.deletes().isEmpty();
  }
}
