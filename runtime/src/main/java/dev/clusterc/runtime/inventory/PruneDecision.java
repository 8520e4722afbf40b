package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import java.util.List;
import java.util.Optional;

/**
 * What prune does with one recorded object that is no longer wanted, and why.
 *
 * @param record the object as recorded (its unit is the one the events name)
 * @param action delete, keep, release or forget
 * @param reason why, for the person reading the plan; empty for a plain delete
 * @param consequences what deleting it does to the cluster (only for {@link Action#DELETE})
 */
public record PruneDecision(InventoryRecord record, Action action, String reason, List<Consequence> consequences) {

  public PruneDecision {
    consequences = List.copyOf(consequences);
  }

  /** What prune does. */
  public enum Action {
    /** Delete it; it leaves the inventory once deleted. */
    DELETE,
    /** Leave it on the cluster and in the inventory: it holds data, or something still needs it. */
    KEEP,
    /** Leave it on the cluster, drop it from the inventory: it is not ours any more. */
    RELEASE,
    /** Already gone (or its kind is): drop it from the inventory, nothing to report. */
    FORGET
  }

  public ObjectId object() {
    return record.object();
  }

  /** The change to report: PRUNED for a delete, KEPT for keep and release, none for forget. */
  public Optional<Change> change() {
    return switch (action) {
      case DELETE -> Optional.of(Change.PRUNED);
      case KEEP, RELEASE -> Optional.of(Change.KEPT);
      case FORGET -> Optional.empty();
    };
  }

  /** Whether the record stays in the inventory after a successful prune. */
  public boolean staysRecorded() {
    return action == Action.KEEP;
  }
}
