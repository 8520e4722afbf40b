package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.watch.WatchEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The watch's log lines, as text and as JSON lines, from a fixed clock. */
class WatchLogTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);
  private static final ObjectId DEPLOYMENT = new ObjectId("apps", "Deployment", "media", "jellyfin");
  private static final String COMMIT = "abc123def4567890abc123def4567890abc12345";

  private final StringWriter text = new StringWriter();
  private final StringWriter json = new StringWriter();
  private final WatchLog textLog = new WatchLog(new PrintWriter(text), WatchLog.Format.text, CLOCK);
  private final WatchLog jsonLog = new WatchLog(new PrintWriter(json), WatchLog.Format.json, CLOCK);

  private void both(WatchEvent event) {
    textLog.on(event);
    jsonLog.on(event);
  }

  private List<String> textLines() {
    return text.toString().lines().toList();
  }

  private List<JsonNode> jsonLines() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> nodes = new java.util.ArrayList<>();
    for (String line : json.toString().lines().toList()) {
      nodes.add(mapper.readTree(line));
    }
    return nodes;
  }

  @Test
  void aReconcileIsOneLineWithItsCountsAndTheShortRevision() throws Exception {
    both(new WatchEvent.Reconciled(COMMIT, 1, 2, 30, 0, true, null, Duration.ofMillis(1200)));
    assertEquals(List.of("2026-12-06T08:00:00Z reconciled r=abc123def456 created=1 configured=2 unchanged=30 pruned=0"
        + " took=1.2s"), textLines());
    JsonNode line = jsonLines().get(0);
    assertEquals("2026-12-06T08:00:00Z", line.get("time").asText());
    assertEquals("info", line.get("level").asText());
    assertEquals("reconciled", line.get("event").asText());
    assertEquals(COMMIT, line.get("revision").asText());
    assertEquals(1200, line.get("tookMs").asLong());
    assertEquals(30, line.get("unchanged").asInt());
  }

  @Test
  void aFailedReconcileIsAnErrorWithItsReason() throws Exception {
    both(new WatchEvent.Reconciled("sha256:0123456789abcdef0123", 0, 0, 0, 0, false, "unit web timed out", Duration.ofSeconds(300)));
    assertEquals("2026-12-06T08:00:00Z ERROR reconcile-failed r=sha256:0123456789ab created=0 configured=0 unchanged=0"
        + " pruned=0 took=5m00s error=\"unit web timed out\"", textLines().get(0));
    JsonNode line = jsonLines().get(0);
    assertEquals("error", line.get("level").asText());
    assertEquals("unit web timed out", line.get("error").asText());
  }

  @Test
  void aRejectedSourceQuotesItsDiagnosticsAndJsonCarriesThemAll() throws Exception {
    List<String> diagnostics = List.of("apps.cluster:3:5: unknown property `imagee`", "apps.cluster:9:1: a \"quoted\" word",
        "b.cluster:1:1: c", "b.cluster:2:1: d", "b.cluster:3:1: e", "b.cluster:4:1: f", "b.cluster:5:1: g");
    both(new WatchEvent.SourceRejected(COMMIT, diagnostics));
    String line = textLines().get(0);
    assertTrue(line.startsWith("2026-12-06T08:00:00Z WARN source-rejected r=abc123def456 errors=7 diagnostics=\""
        + "apps.cluster:3:5: unknown property `imagee` | apps.cluster:9:1: a \\\"quoted\\\" word | "), line);
    assertTrue(line.endsWith(" | and 2 more\""), line);
    JsonNode node = jsonLines().get(0);
    assertEquals("warn", node.get("level").asText());
    assertEquals(7, node.get("diagnostics").size());
    assertEquals("apps.cluster:9:1: a \"quoted\" word", node.get("diagnostics").get(1).asText());
  }

  @Test
  void driftAndItsBackOffNameTheObjectFieldAndManager() throws Exception {
    both(new WatchEvent.DriftHealed(DEPLOYMENT, "/spec/replicas", "kubectl-edit", Duration.ofMillis(350)));
    both(new WatchEvent.HealBackOff(DEPLOYMENT, "/spec/template", "webhook", 4, Duration.ofSeconds(20)));
    List<String> lines = textLines();
    assertEquals("2026-12-06T08:00:00Z drift-healed object=\"" + DEPLOYMENT + "\" fields=/spec/replicas"
        + " manager=kubectl-edit latency=350ms", lines.get(0));
    assertTrue(lines.get(1).startsWith("2026-12-06T08:00:00Z WARN heal-backoff object="), lines.get(1));
    assertTrue(lines.get(1).endsWith("attempts=4 retryIn=20.0s"), lines.get(1));
    JsonNode healed = jsonLines().get(0);
    assertEquals("Deployment", healed.get("object").get("kind").asText());
    assertEquals("media", healed.get("object").get("namespace").asText());
    assertEquals(350, healed.get("latencyMs").asLong());
  }

  @Test
  void everyWatchEventHasALine() throws Exception {
    List<WatchEvent> all = List.of(
        new WatchEvent.SourceRejected("r", List.of("x")),
        new WatchEvent.SourceUnavailable("https://git.example/r", "connection refused", Duration.ofSeconds(10)),
        new WatchEvent.Reconciled("r", 0, 0, 0, 0, true, null, Duration.ZERO),
        new WatchEvent.DriftHealed(DEPLOYMENT, "/spec", "m", Duration.ZERO),
        new WatchEvent.Recreated(DEPLOYMENT, Duration.ofMillis(10)),
        new WatchEvent.HealBackOff(DEPLOYMENT, "/spec", "m", 3, Duration.ofSeconds(10)),
        new WatchEvent.HealFailed(DEPLOYMENT, "forbidden"),
        new WatchEvent.ResyncFailed("Deployment.apps", "could not list"),
        new WatchEvent.Suspension(true),
        new WatchEvent.Managed(12),
        new WatchEvent.Leadership(true, "pod-a"));
    all.forEach(this::both);
    assertEquals(all.size(), textLines().size());
    assertEquals(List.of("source-rejected", "source-unavailable", "reconciled", "drift-healed", "recreated", "heal-backoff",
        "heal-failed", "resync-failed", "suspended", "managed", "leading"), jsonLines().stream().map(n -> n.get("event").asText()).toList());
  }

  @Test
  void aFailedResyncIsAWarningNamingTheKind() throws Exception {
    both(new WatchEvent.ResyncFailed("Deployment.apps", "could not list its 3 objects to resync them: timed out"));
    assertEquals("2026-12-06T08:00:00Z WARN resync-failed kind=Deployment.apps reason=\"could not list its 3 objects"
        + " to resync them: timed out\"", textLines().get(0));
    JsonNode line = jsonLines().get(0);
    assertEquals("warn", line.get("level").asText());
    assertEquals("Deployment.apps", line.get("kind").asText());
  }

  @Test
  void onlyRunEventsThatWriteOrFailAreLogged() throws Exception {
    RunEvent[] events = {
        new RunEvent.UnitStarted("web", "apps"),
        new RunEvent.ObjectDone("web", DEPLOYMENT, Change.UNCHANGED, ""),
        new RunEvent.ObjectDone("web", DEPLOYMENT, Change.CONFIGURED, ""),
        new RunEvent.UnitReady("web", Duration.ofSeconds(1)),
        new RunEvent.UnitFailed("db", "timed out after 5m"),
        new RunEvent.Finished(0, 1, 1, 0, 0, 1, false, Duration.ofSeconds(2))};
    for (RunEvent event : events) {
      textLog.on(event);
      jsonLog.on(event);
    }
    List<String> lines = textLines();
    assertEquals(2, lines.size(), lines::toString);
    assertEquals("2026-12-06T08:00:00Z object unit=web object=\"" + DEPLOYMENT + "\" change=configured", lines.get(0));
    assertEquals("2026-12-06T08:00:00Z ERROR unit-failed unit=db reason=\"timed out after 5m\"", lines.get(1));
    assertEquals("configured", jsonLines().get(0).get("change").asText());
  }

  @Test
  void anEventKindAddedLaterStillGetsALine() {
    assertEquals("source-rejected", WatchLog.kebab("SourceRejected"));
    assertEquals("heal-back-off", WatchLog.kebab("HealBackOff"));
  }

  @Test
  void notesKeepTheirFieldOrder() throws Exception {
    textLog.note("info", "started", new java.util.LinkedHashMap<>(Map.of("source", "examples/home")));
    jsonLog.note("info", "started", Map.of("status", "http://127.0.0.1:9090"));
    assertEquals("2026-12-06T08:00:00Z started source=examples/home", textLines().get(0));
    assertEquals("http://127.0.0.1:9090", jsonLines().get(0).get("status").asText());
  }
}
