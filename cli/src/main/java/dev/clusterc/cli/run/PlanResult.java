package dev.clusterc.cli.run;

import dev.clusterc.runtime.model.ObjectId;
import java.util.List;
import java.util.Map;

/**
 * What a plan found beyond its events: the unified diff of each configured object (only the fields
 * clusterc manages, Secret values masked) and the consequences said in cluster terms
 * ({@code claim data/postgres would be deleted: data loss}) that {@code apply} refuses without a flag.
 *
 * @param diffs object → unified diff (live → wanted); objects without one are left out
 * @param consequences one sentence each, in the order found
 */
public record PlanResult(Map<ObjectId, String> diffs, List<String> consequences) {
  public PlanResult {
    diffs = Map.copyOf(diffs);
    consequences = List.copyOf(consequences);
  }

  /** Nothing beyond the events. */
  public static PlanResult empty() {
    return new PlanResult(Map.of(), List.of());
  }
}
