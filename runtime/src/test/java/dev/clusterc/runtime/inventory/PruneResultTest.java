package dev.clusterc.runtime.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.runtime.model.ObjectId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What stays recorded after prune: what narrow writes besides the graph's own objects. */
class PruneResultTest {
  private static PruneDecision decision(String name, PruneDecision.Action action) {
    return new PruneDecision(new InventoryRecord(new ObjectId("", "ConfigMap", "ns", name), "u", 0, 0), action, "", List.of());
  }

  private static final List<PruneDecision> DECISIONS = List.of(
      decision("deleted", PruneDecision.Action.DELETE),
      decision("failed", PruneDecision.Action.DELETE),
      decision("kept", PruneDecision.Action.KEEP),
      decision("released", PruneDecision.Action.RELEASE),
      decision("gone", PruneDecision.Action.FORGET));

  private static List<String> names(InventoryRecords records) {
    return records.records().stream().map(r -> r.object().name()).sorted().toList();
  }

  @Test
  void keptObjectsAndFailedDeletesStayRecorded() {
    PruneResult executed = new PruneResult(DECISIONS, Map.of(DECISIONS.get(1).object(), "forbidden"), true);
    assertEquals(List.of("failed", "kept"), names(executed.remaining()));
    assertEquals(2, executed.deletes().size());
  }

  @Test
  void aPlanDeletedNothingSoItsDeletesStayRecorded() {
    PruneResult planned = new PruneResult(DECISIONS, Map.of(), false);
    assertEquals(List.of("deleted", "failed", "kept"), names(planned.remaining()));
  }
}
