package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.watch.WatchEvent;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics of a watch, scraped in the Prometheus text format after events. */
class WatchMetricsTest {
  private static final ObjectId DEPLOYMENT = new ObjectId("apps", "Deployment", "media", "jellyfin");

  private final WatchMetrics metrics = new WatchMetrics(Clock.fixed(Instant.ofEpochSecond(1_800_000_000), ZoneOffset.UTC));

  private String scrape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, metrics.registry().scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void assertSeries(String scrape, String series) {
    assertTrue(scrape.lines().anyMatch(line -> line.equals(series)), () -> "no line `" + series + "` in:\n" + scrape);
  }

  @Test
  void reconcilesAreCountedByResultTimedAndTheLastRevisionNamed() throws IOException {
    metrics.on(new WatchEvent.Reconciled("abc123", 1, 0, 5, 0, true, null, Duration.ofMillis(1500)));
    metrics.on(new WatchEvent.Reconciled("def456", 0, 0, 0, 0, false, "boom", Duration.ofMillis(200)));
    metrics.on(new WatchEvent.Reconciled("fed789", 0, 1, 5, 0, true, null, Duration.ofMillis(300)));
    String scrape = scrape();
    assertSeries(scrape, "clusterc_reconciles_total{result=\"ok\"} 2.0");
    assertSeries(scrape, "clusterc_reconciles_total{result=\"failed\"} 1.0");
    assertSeries(scrape, "clusterc_reconcile_duration_seconds_count 3");
    assertSeries(scrape, "clusterc_reconcile_duration_seconds_bucket{le=\"0.25\"} 1");
    assertSeries(scrape, "clusterc_reconcile_duration_seconds_bucket{le=\"2.5\"} 3");
    assertSeries(scrape, "clusterc_last_applied_info{revision=\"fed789\"} 1");
    assertFalse(scrape.contains("revision=\"abc123\""), "only the last applied revision is kept:\n" + scrape);
    assertFalse(scrape.contains("revision=\"def456\""), "a failed reconcile applied nothing:\n" + scrape);
    assertSeries(scrape, "clusterc_last_reconcile_timestamp_seconds 1.8E9");
  }

  @Test
  void healsSourceTroubleLeadershipAndSuspensionShow() throws IOException {
    metrics.on(new WatchEvent.DriftHealed(DEPLOYMENT, "/spec/replicas", "kubectl", Duration.ofMillis(400)));
    metrics.on(new WatchEvent.DriftHealed(DEPLOYMENT, "/spec/replicas", "kubectl", Duration.ofMillis(600)));
    metrics.on(new WatchEvent.Recreated(DEPLOYMENT, Duration.ofMillis(800)));
    metrics.on(new WatchEvent.HealBackOff(DEPLOYMENT, "/spec", "webhook", 4, Duration.ofSeconds(10)));
    metrics.on(new WatchEvent.HealFailed(DEPLOYMENT, "forbidden"));
    metrics.on(new WatchEvent.ResyncFailed("Deployment.apps", "could not list"));
    metrics.on(new WatchEvent.Managed(42));
    metrics.on(new WatchEvent.SourceRejected("r1", List.of("a.cluster:1:1: x")));
    metrics.on(new WatchEvent.SourceUnavailable("git", "refused", Duration.ofSeconds(5)));
    metrics.on(new WatchEvent.SourceUnavailable("git", "refused", Duration.ofSeconds(5)));
    metrics.on(new WatchEvent.Leadership(true, "pod-a"));
    metrics.on(new WatchEvent.Suspension(true));
    String scrape = scrape();
    assertSeries(scrape, "clusterc_drift_heals_total 2.0");
    assertSeries(scrape, "clusterc_recreated_total 1.0");
    assertSeries(scrape, "clusterc_heal_latency_seconds_count 3");
    assertSeries(scrape, "clusterc_heal_latency_seconds_bucket{le=\"0.5\"} 1");
    assertSeries(scrape, "clusterc_heal_backoffs_total 1.0");
    assertSeries(scrape, "clusterc_heal_failures_total 1.0");
    assertSeries(scrape, "clusterc_resync_failures_total 1.0");
    assertSeries(scrape, "clusterc_objects_managed 42.0");
    assertSeries(scrape, "clusterc_source_rejected_total 1.0");
    assertSeries(scrape, "clusterc_source_errors_total 2.0");
    assertSeries(scrape, "clusterc_leader 1.0");
    assertSeries(scrape, "clusterc_suspended 1.0");
    metrics.on(new WatchEvent.Leadership(false, "pod-a"));
    metrics.on(new WatchEvent.Suspension(false));
    assertSeries(scrape(), "clusterc_leader 0.0");
    assertSeries(scrape(), "clusterc_suspended 0.0");
  }

  @Test
  void runEventsCountWritesByChangeAndFailedUnits() throws IOException {
    metrics.on(new RunEvent.ObjectDone("web", DEPLOYMENT, Change.CREATED, ""));
    metrics.on(new RunEvent.ObjectDone("web", DEPLOYMENT, Change.UNCHANGED, ""));
    metrics.on(new RunEvent.ObjectDone("web", DEPLOYMENT, Change.PRUNED, ""));
    metrics.on(new RunEvent.UnitFailed("db", "timed out"));
    String scrape = scrape();
    assertSeries(scrape, "clusterc_object_writes_total{change=\"created\"} 1.0");
    assertSeries(scrape, "clusterc_object_writes_total{change=\"pruned\"} 1.0");
    assertFalse(scrape.contains("change=\"unchanged\""), scrape);
    assertSeries(scrape, "clusterc_unit_failures_total 1.0");
  }

  @Test
  void withoutLeaderElectionTheProcessLeads() throws IOException {
    assertSeries(scrape(), "clusterc_leader 0.0");
    metrics.leadingAlone();
    assertSeries(scrape(), "clusterc_leader 1.0");
  }
}
