package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.model.ObjectId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What prune decided and, when it ran for real, which deletes failed.
 *
 * @param decisions one per recorded object no longer wanted, in the order they were carried out
 * @param failures the objects whose delete failed, with the server's message; they stay recorded
 * @param executed false for a plan (nothing deleted)
 */
public record PruneResult(List<PruneDecision> decisions, Map<ObjectId, String> failures, boolean executed) {

  public PruneResult {
    decisions = List.copyOf(decisions);
    failures = Map.copyOf(failures);
  }

  /** The decisions that delete. */
  public List<PruneDecision> deletes() {
    return decisions.stream().filter(d -> d.action() == PruneDecision.Action.DELETE).toList();
  }

  /** What deleting does to the cluster, over every delete: for plan to say and apply to refuse. */
  public List<Consequence> consequences() {
    return deletes().stream().flatMap(d -> d.consequences().stream()).toList();
  }

  /** The records prune took out of the inventory: deleted, released or already gone (none for a plan). */
  Set<ObjectId> dropped() {
    Set<ObjectId> remaining = remaining().ids();
    return decisions.stream().map(PruneDecision::object).filter(id -> !remaining.contains(id))
        .collect(Collectors.toSet());
  }

  /** The records still in the inventory afterwards: kept ones and failed deletes. */
  InventoryRecords remaining() {
    Set<ObjectId> failed = failures.keySet();
    return InventoryRecords.of(decisions.stream()
        .filter(d -> d.staysRecorded() || failed.contains(d.object()) || (!executed && d.action() == PruneDecision.Action.DELETE))
        .map(PruneDecision::record)
        .collect(Collectors.toList()));
  }
}
