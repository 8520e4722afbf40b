package dev.clusterc.cli.watch;

import dev.clusterc.cli.run.Words;
import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.watch.WatchEvent;
import dev.clusterc.runtime.watch.WatchListener;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * The Prometheus metrics of a watching apply, counted from its events into a registry of its own
 * (no JVM metrics, no global state): reconciles and their durations, drift heals and re-creations and
 * their latency, back-offs, failed heals and resyncs, objects managed, the revision applied last, source rejections and errors,
 * leadership and suspension. {@code /metrics} writes them in the text format.
 */
public final class WatchMetrics implements WatchListener, RunListener {
  private static final double[] RECONCILE_BOUNDS = {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600};
  private static final double[] HEAL_BOUNDS = {0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Clock clock;
  private final Counter reconciles = Counter.builder().name("clusterc_reconciles_total")
      .help("Revisions reconciled, by result (ok, failed)").labelNames("result").register(registry);
  private final Histogram reconcileDuration = Histogram.builder().name("clusterc_reconcile_duration_seconds")
      .help("How long reconciling one revision took").classicOnly().classicUpperBounds(RECONCILE_BOUNDS).register(registry);
  private final Gauge lastReconcile = Gauge.builder().name("clusterc_last_reconcile_timestamp_seconds")
      .help("When the last reconcile ended (Unix time), ok or not").register(registry);
  private final Counter driftHeals = Counter.builder().name("clusterc_drift_heals_total")
      .help("Out-of-band changes to fields clusterc owns that were undone").register(registry);
  private final Counter recreated = Counter.builder().name("clusterc_recreated_total")
      .help("Managed objects deleted by someone else and created again").register(registry);
  private final Histogram healLatency = Histogram.builder().name("clusterc_heal_latency_seconds")
      .help("From a drift or deletion seen to healed").classicOnly().classicUpperBounds(HEAL_BOUNDS).register(registry);
  private final Counter healBackOffs = Counter.builder().name("clusterc_heal_backoffs_total")
      .help("Times healing an object that keeps drifting backed off").register(registry);
  private final Counter healFailures = Counter.builder().name("clusterc_heal_failures_total")
      .help("Heals the API server refused (tried again, backing off)").register(registry);
  private final Counter resyncFailures = Counter.builder().name("clusterc_resync_failures_total")
      .help("Kinds a periodic resync could not list (their objects compared on the next one)").register(registry);
  private final Gauge objects = Gauge.builder().name("clusterc_objects_managed")
      .help("Objects the reconciler manages").register(registry);
  private final Info lastApplied = Info.builder().name("clusterc_last_applied_info")
      .help("The revision applied last (a Git commit or sha256: of a directory)").labelNames("revision").register(registry);
  private final Counter rejected = Counter.builder().name("clusterc_source_rejected_total")
      .help("Revisions of the source that did not check and were not applied").register(registry);
  private final Counter sourceErrors = Counter.builder().name("clusterc_source_errors_total")
      .help("Times the source could not be read (a remote unreachable, credentials refused)").register(registry);
  private final Gauge leader = Gauge.builder().name("clusterc_leader")
      .help("1 while this process leads (or runs without leader election), 0 on standby").register(registry);
  private final Gauge suspended = Gauge.builder().name("clusterc_suspended")
      .help("1 while the cluster is suspended (clusterc suspend)").register(registry);
  private final Counter objectWrites = Counter.builder().name("clusterc_object_writes_total")
      .help("Objects written by reconciles, by change (created, configured, recreated, pruned)").labelNames("change")
      .register(registry);
  private final Counter unitFailures = Counter.builder().name("clusterc_unit_failures_total")
      .help("Units that failed to apply or become healthy").register(registry);

  public WatchMetrics(Clock clock) {
    this.clock = clock;
  }

  /** The registry {@code /metrics} scrapes. */
  public PrometheusRegistry registry() {
    return registry;
  }

  @Override
  public void on(WatchEvent event) {
    if (event instanceof WatchEvent.Reconciled e) {
      reconciles.labelValues(e.ok() ? "ok" : "failed").inc();
      reconcileDuration.observe(seconds(e.took()));
      lastReconcile.set(clock.millis() / 1000.0);
      if (e.ok()) {
        lastApplied.setLabelValues(e.revision());
      }
    } else if (event instanceof WatchEvent.DriftHealed e) {
      driftHeals.inc();
      healLatency.observe(seconds(e.latency()));
    } else if (event instanceof WatchEvent.Recreated e) {
      recreated.inc();
      healLatency.observe(seconds(e.latency()));
    } else if (event instanceof WatchEvent.HealBackOff) {
      healBackOffs.inc();
    } else if (event instanceof WatchEvent.HealFailed) {
      healFailures.inc();
    } else if (event instanceof WatchEvent.ResyncFailed) {
      resyncFailures.inc();
    } else if (event instanceof WatchEvent.Managed e) {
      objects.set(e.objects());
    } else if (event instanceof WatchEvent.SourceRejected) {
      rejected.inc();
    } else if (event instanceof WatchEvent.SourceUnavailable) {
      sourceErrors.inc();
    } else if (event instanceof WatchEvent.Leadership e) {
      leader.set(e.leading() ? 1 : 0);
    } else if (event instanceof WatchEvent.Suspension e) {
      suspended.set(e.suspended() ? 1 : 0);
    }
  }

  @Override
  public void on(RunEvent event) {
    if (event instanceof RunEvent.ObjectDone e && e.change().writes()) {
      objectWrites.labelValues(Words.change(e.change())).inc();
    } else if (event instanceof RunEvent.UnitFailed) {
      unitFailures.inc();
    }
  }

  /** Without leader election this process always leads: say so once at start. */
  public void leadingAlone() {
    leader.set(1);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
