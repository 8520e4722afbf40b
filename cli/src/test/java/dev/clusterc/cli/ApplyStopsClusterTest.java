package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.cli.run.PlainLog;
import dev.clusterc.cli.run.RunSettings;
import dev.clusterc.cli.run.RuntimeEngine;
import dev.clusterc.cli.run.UnitGraphs;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.api.CompileResult;
import dev.clusterc.compiler.api.Delivery;
import dev.clusterc.compiler.charts.ChartCache;
import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that do not end healthy, on the test cluster: a Deployment whose pods no node can take
 * (a node selector the fake node does not match) times out with the object, its status and why,
 * and its dependents are skipped by name; the same wait stopped as Ctrl-C stops it returns a
 * stopped run that says what it applied, and a later apply of the fixed sources converges.
 */
@WithTestCluster
class ApplyStopsClusterTest {
  /** A guard against a run that never returns, not a timing assertion. */
  private static final long HANG_GUARD_MINUTES = 5;

  static TestCluster cluster;
  @TempDir static Path temp;
  private static ChartServer charts;

  @BeforeAll
  static void serveCharts() {
    System.setProperty(ChartCache.PROPERTY, temp.resolve("chart-cache").toString());
    charts = ChartServer.start(temp);
    charts.add("workload", "1.0.0", ScenarioCharts.WORKLOAD);
  }

  @AfterAll
  static void stopCharts() {
    System.clearProperty(ChartCache.PROPERTY);
    charts.close();
  }

  @Test
  void aRolloutThatNeverBecomesHealthyTimesOutWithItsReasonAndSkipsItsDependents() throws IOException {
    Path sources = sources("timeouts", "slow", "waiter", "nowhere");

    Cli.Result json = apply(sources, "--output", "json").assertNoStackTrace();

    assertEquals(ExitCode.FINDINGS, json.exit(), json.toString());
    String reason = (String) JsonLines.forUnit(json.out(), "unit-failed", "slow").get("reason");
    assertTrue(reason.contains("Deployment.apps slow/slow") && reason.contains("InProgress")
        && reason.contains("0 of 1 updated replicas available"), reason);
    String because = (String) JsonLines.forUnit(json.out(), "unit-skipped", "waiter").get("because");
    assertTrue(because.contains("unit slow") && because.contains("failed"), because);
    assertTrue(JsonLines.named(json.out(), "unit-started").stream().noneMatch(e -> "waiter".equals(e.get("unit"))),
        "a dependent never starts: " + json.out());
    assertEquals(1, JsonLines.finished(json.out()).get("failedUnits"));

    Cli.Result text = apply(sources).assertNoStackTrace();
    assertEquals(ExitCode.FINDINGS, text.exit(), text.toString());
    assertTrue(text.out().contains("slow: FAILED: not healthy after") && text.out().contains("waiter: skipped: "),
        text.toString());
    // by now the scheduler has long said why (asserted on the second run, so no race with its first attempt)
    assertTrue(text.out().contains("pod slow/slow-") && text.out().contains("Unschedulable")
        && text.out().contains("node affinity/selector"), text.out());
  }

  @Test
  void stoppedWhileAUnitWaitsTheRunSaysWhatItAppliedAndALaterApplyConverges(KubernetesClient client)
      throws Exception {
    Path sources = sources("halted", "stuck", "after", "nowhere");
    UnitGraph graph = graph(sources);
    RuntimeEngine engine = new RuntimeEngine("test");
    RunSettings settings = new RunSettings(cluster.kubeconfig(), null, Duration.ofHours(1), 4, false, false,
        false, false, false);
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch waiting = new CountDownLatch(1);
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    StringWriter log = new StringWriter();
    PlainLog plain = new PlainLog(new PrintWriter(log, true));
    ExecutorService run = Executors.newSingleThreadExecutor();
    try {
      Future<?> applying = run.submit(() -> engine.apply(graph, settings, event -> {
        events.add(event);
        plain.on(event);
        if (event instanceof RunEvent.UnitWaiting w && "stuck".equals(w.unit())) {
          waiting.countDown();
        }
      }, stop));
      assertTrue(waiting.await(HANG_GUARD_MINUTES, TimeUnit.MINUTES), "unit stuck waits: " + log);
      stop.set(true); // what the Ctrl-C hook does
      applying.get(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
    } finally {
      run.shutdownNow();
    }

    RunEvent.Finished finished = (RunEvent.Finished) events.get(events.size() - 1);
    assertTrue(finished.stopped(), events.toString());
    assertEquals(ExitCode.STOPPED, ApplyCommand.exit(finished));
    assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.ObjectDone d && "stuck".equals(d.unit())
        && "Deployment".equals(d.object().kind()) && d.change() == Change.CREATED), events.toString());
    assertTrue(events.stream().noneMatch(e -> e instanceof RunEvent.UnitFailed), "stopped, not failed: " + events);
    assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.UnitSkipped s && "after".equals(s.unit())),
        events.toString());
    assertTrue(log.toString().contains("stuck: Deployment.apps stuck/stuck created")
        && log.toString().contains("what is listed above was applied"), log.toString());
    assertEquals(null, client.apps().deployments().inNamespace("after").withName("after").get(),
        "nothing after the stop is applied");

    Path fixed = sources("halted", "stuck", "after", "");
    Cli.Result converged = apply(fixed, "--output", "json").assertNoStackTrace();
    assertEquals(ExitCode.OK, converged.exit(), converged.toString());
    JsonLines.forUnit(converged.out(), "unit-ready", "stuck");
    JsonLines.forUnit(converged.out(), "unit-ready", "after");
    Deployment after = client.apps().deployments().inNamespace("after").withName("after").get();
    assertEquals(1, after.getStatus().getAvailableReplicas());
    Map<String, Object> again = JsonLines.finished(apply(fixed, "--output", "json").out());
    assertEquals(0, again.get("created"));
    assertEquals(0, again.get("configured"));
  }

  /**
   * Cluster {@code name}: component {@code first}, its pods placed by {@code zone} (anywhere when
   * empty), and component {@code second}, which depends on it.
   */
  private static Path sources(String name, String first, String second, String zone) throws IOException {
    Path dir = temp.resolve(name);
    Sources.write(dir.resolve("cluster.cluster"), """
        cluster %s {
          domain "example.org"
          network { nodes 10.0.0.0/24; router 10.0.0.1 }
        }
        node cp { role control-plane; address 10.0.0.2 }
        component %2$s {
          chart "%5$s" name "workload" version "1.0.0"
          values { zone: "%4$s" }
        }
        component %3$s {
          chart "%5$s" name "workload" version "1.0.0"
          depends-on [%2$s]
        }
        """.formatted(name, first, second, zone, charts.url()));
    return dir;
  }

  private static UnitGraph graph(Path sources) {
    CompileResult compiled = ClusterCompiler.open(sources).compile(Delivery.DIRECT);
    assertTrue(compiled.succeeded(), compiled.diagnostics().toString());
    return UnitGraphs.of(compiled.cluster().orElseThrow());
  }

  private static Cli.Result apply(Path sources, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("apply", sources.toString(),
        "--kubeconfig", cluster.kubeconfig().toString(), "--timeout", "5s"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }
}
