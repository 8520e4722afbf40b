package dev.clusterc.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code --output json}: one object per line, the documented fields and nothing else, golden. */
class JsonEventsTest {
  @Test
  void aRunIsOneJsonObjectPerLine() {
    StringWriter text = new StringWriter();
    JsonEvents events = new JsonEvents(new PrintWriter(text));
    SyntheticRun.events().forEach(events::on);
    assertEquals("""
        {"event":"unit-started","unit":"cluster","layer":"cluster"}
        {"event":"object","unit":"cluster","object":{"group":"","kind":"Namespace","namespace":null,"name":"media"},"change":"created","detail":""}
        {"event":"unit-ready","unit":"cluster","elapsedMs":800}
        {"event":"unit-started","unit":"jellyfin","layer":"apps"}
        {"event":"object","unit":"jellyfin","object":{"group":"","kind":"Secret","namespace":"media","name":"jellyfin-env"},"change":"unchanged","detail":""}
        {"event":"object","unit":"jellyfin","object":{"group":"apps","kind":"Deployment","namespace":"media","name":"jellyfin"},"change":"configured","detail":"field \\"spec.replicas\\" taken over from \\"kubectl-edit\\""}
        {"event":"unit-waiting","unit":"jellyfin","elapsedMs":2000,"pending":[{"object":{"group":"apps","kind":"Deployment","namespace":"media","name":"jellyfin"},"status":"InProgress","reason":"1 of 2 replicas updated"}]}
        {"event":"unit-failed","unit":"jellyfin","reason":"not healthy after 5m: Deployment.apps media/jellyfin InProgress"}
        {"event":"unit-skipped","unit":"immich","because":"jellyfin failed"}
        {"event":"finished","created":1,"configured":1,"unchanged":1,"pruned":0,"pruneFailures":0,"failedUnits":1,"stopped":false,"elapsedMs":301500}
        """, text.toString());
  }

  @Test
  void everyLineParsesAndCarriesOnlyTheDocumentedFields() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    java.util.Map<String, Set<String>> schema = java.util.Map.of(
        "unit-started", Set.of("event", "unit", "layer"),
        "object", Set.of("event", "unit", "object", "change", "detail"),
        "unit-waiting", Set.of("event", "unit", "elapsedMs", "pending"),
        "unit-ready", Set.of("event", "unit", "elapsedMs"),
        "unit-failed", Set.of("event", "unit", "reason"),
        "unit-skipped", Set.of("event", "unit", "because"),
        "finished", Set.of("event", "created", "configured", "unchanged", "pruned", "pruneFailures", "failedUnits", "stopped", "elapsedMs"));
    List<String> lines = SyntheticRun.events().stream().map(JsonEvents::line).toList();
    Set<String> seen = new TreeSet<>();
    for (String line : lines) {
      JsonNode node = mapper.readTree(line);
      String event = node.get("event").asText();
      seen.add(event);
      Set<String> fields = new TreeSet<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
        fields.add(it.next());
      }
      assertEquals(new TreeSet<>(schema.get(event)), fields, line);
    }
    assertEquals(new TreeSet<>(schema.keySet()), seen, "the synthetic run has every kind of event");
    assertTrue(lines.stream().noneMatch(l -> l.contains("\n")));
  }
}
