package dev.clusterc.cli.bench;

import dev.clusterc.cli.run.UnitGraphs;
import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.api.CompiledCluster;
import dev.clusterc.compiler.api.Delivery;
import dev.clusterc.runtime.apply.ApplyOptions;
import dev.clusterc.runtime.apply.ClusterApply;
import dev.clusterc.runtime.apply.Review;
import dev.clusterc.runtime.apply.RunSummary;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.inventory.Risk;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.kube.RequestCounts;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.UnitGraph;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.function.Supplier;

/**
 * The apply side of {@code clusterc bench}: a generated cluster of plain apps
 * ({@link ClusterGenerator#writeAppliable}) compiled for direct delivery and brought to a live
 * cluster through the runtime's {@link ClusterApply}, as {@code clusterc apply} does: from empty, then
 * the same again (nothing changed, so it should write nothing), then a plan. Each phase prints its wall
 * time, the requests, writes and dry runs the connection sent ({@link Kube#counts()}), the peak heap
 * in use during it, and the load average when it ended. Prints figures; asserts nothing.
 */
final class ApplyBench {
  private final Kube kube;
  private final ApplyOptions options;
  private final int reapplies;
  private final PrintWriter out;

  ApplyBench(Kube kube, int parallelism, int reapplies, PrintWriter out) {
    this.kube = kube;
    this.options = ApplyOptions.defaults().withParallelism(parallelism);
    this.reapplies = reapplies;
    this.out = out;
  }

  void header() {
    out.printf("clusterc bench: apply to %s, %d units at once (the runtime's ClusterApply, as `clusterc apply`)%n",
        kube.client().getMasterUrl(), options.parallelism());
    out.printf("%6s %7s %-10s %9s %9s %7s %8s %8s %-28s %s%n", "apps", "objects", "phase", "seconds", "requests",
        "writes", "dry runs", "heap MB", "result", "load average");
  }

  /** Generates the cluster of {@code apps} apps under {@code dir}, applies it, re-applies it and plans it. */
  void measure(Path dir, int apps, int files) throws IOException {
    ClusterGenerator.writeAppliable(dir, apps, files);
    UnitGraph graph = UnitGraphs.of(compile(dir));
    int objects = graph.objectIds().size();
    ClusterApply run = new ClusterApply(kube.client(), "bench");
    phase(apps, objects, "apply", () -> result(run.apply(graph, options, false, EnumSet.noneOf(Risk.class),
        RunListener.NONE)));
    for (int i = 1; i <= reapplies; i++) {
      phase(apps, objects, "reapply-" + i, () -> result(new ClusterApply(kube.client(), "bench")
          .apply(graph, options, false, EnumSet.noneOf(Risk.class), RunListener.NONE)));
    }
    phase(apps, objects, "plan", () -> {
      Review review = new ClusterApply(kube.client(), "bench").review(graph, options.parallelism(), false,
          RunListener.NONE);
      long changing = review.plan().changes().stream().filter(c -> c.change() != Change.UNCHANGED).count();
      return changing + " would change";
    });
    out.printf("%6d %7d peak resident memory of this process so far: %s%n", apps, objects, ProcessMemory.peakRss());
    out.flush();
  }

  private void phase(int apps, int objects, String name, Supplier<String> body) {
    ProcessMemory.resetPeaks();
    RequestCounts before = kube.counts();
    long start = System.nanoTime();
    String result;
    try {
      result = body.get();
    } catch (RuntimeException e) {
      result = "failed: " + e.getMessage();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    RequestCounts sent = kube.counts().minus(before);
    out.printf("%6d %7d %-10s %9.1f %9d %7d %8d %8.0f %-28s %s%n", apps, objects, name, seconds, sent.requests(),
        sent.writes(), sent.dryRuns(), ProcessMemory.peakHeapMb(), result, ProcessMemory.loadAverage());
    out.flush();
  }

  private static String result(RunSummary summary) {
    if (!summary.succeeded()) {
      return "FAILED " + summary.failed().size() + " units, e.g. " + summary.failed().entrySet().iterator().next();
    }
    String configured = summary.changes().stream().filter(c -> c.change() == Change.CONFIGURED).limit(2)
        .map(c -> c.object().toString()).collect(java.util.stream.Collectors.joining(", "));
    return summary.count(Change.CREATED) + " created, " + summary.count(Change.CONFIGURED) + " configured"
        + (configured.isEmpty() ? "" : " (" + configured + ")");
  }

  private static CompiledCluster compile(Path dir) {
    Analysis analysis = ClusterCompiler.open(dir, dir).analyse();
    if (analysis.hasErrors()) {
      throw new IllegalStateException("the generated cluster has errors: " + analysis.diagnostics().get(0));
    }
    return analysis.compile(Delivery.DIRECT).cluster()
        .orElseThrow(() -> new IllegalStateException("the generated cluster does not compile"));
  }
}
