package dev.clusterc.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan per layer and unit, with diffs and consequences, as text and as JSON; golden. */
class PlanPrinterTest {
  private static final ObjectId CLAIM = new ObjectId("", "PersistentVolumeClaim", "media", "old-cache");

  private static List<RunEvent> plan() {
    return List.of(
        new RunEvent.ObjectDone("cluster", SyntheticRun.NAMESPACE, Change.UNCHANGED, ""),
        new RunEvent.ObjectDone("jellyfin", SyntheticRun.SECRET, Change.CREATED, ""),
        new RunEvent.ObjectDone("jellyfin", SyntheticRun.DEPLOYMENT, Change.CONFIGURED, ""),
        new RunEvent.ObjectDone("old-app", CLAIM, Change.PRUNED, "no longer declared"));
  }

  private static PlanResult result() {
    return new PlanResult(Map.of(SyntheticRun.DEPLOYMENT, "--- live\n+++ wanted\n@@ spec @@\n-  replicas: 1\n+  replicas: 2\n"),
        List.of("claim media/old-cache would be deleted: its data is lost (apply refuses without --prune-data)"));
  }

  @Test
  void theTextListsWhatChangesPerLayerAndUnitWithDiffsAndConsequences() {
    PlanPrinter printer = new PlanPrinter(SyntheticRun.graph(), plan(), result());
    assertTrue(printer.changes());
    assertEquals("""
        Plan for cluster homelab (server-side dry run; nothing was written)

        layer apps
          jellyfin (app jellyfin)
            + Secret media/jellyfin-env  created
            ~ Deployment.apps media/jellyfin  configured
                --- live
                +++ wanted
                @@ spec @@
                -  replicas: 1
                +  replicas: 2

        layer (no longer declared)
          old-app
            - PersistentVolumeClaim media/old-cache  pruned (no longer declared)

        Consequences (apply refuses them without an explicit flag):
          ! claim media/old-cache would be deleted: its data is lost (apply refuses without --prune-data)

        1 to create, 1 to configure, 0 to re-create, 1 to prune, 1 unchanged.
        """, printer.text());
  }

  @Test
  void aPlanWithNothingToDoSaysSo() {
    PlanPrinter printer = new PlanPrinter(SyntheticRun.graph(),
        List.of(new RunEvent.ObjectDone("cluster", SyntheticRun.NAMESPACE, Change.UNCHANGED, "")), PlanResult.empty());
    assertFalse(printer.changes());
    assertTrue(printer.text().endsWith("\nNo changes: the cluster is as declared (1 objects unchanged).\n"), printer.text());
  }

  @Test
  void theJsonHasEveryUnitObjectAndTotal() throws Exception {
    JsonNode json = new ObjectMapper().readTree(new PlanPrinter(SyntheticRun.graph(), plan(), result()).json());
    assertEquals("homelab", json.get("cluster").asText());
    assertTrue(json.get("changes").asBoolean());
    assertEquals(1, json.get("totals").get("pruned").asInt());
    assertEquals(4, json.get("units").size(), "three declared units and the one pruned from");
    JsonNode deployment = json.get("units").get(1).get("objects").get(1);
    assertEquals("configured", deployment.get("change").asText());
    assertEquals("Deployment", deployment.get("object").get("kind").asText());
    assertTrue(deployment.get("diff").asText().contains("+  replicas: 2"));
    assertEquals("app jellyfin", json.get("units").get(1).get("declaration").asText());
    assertEquals(1, json.get("consequences").size());
  }
}
