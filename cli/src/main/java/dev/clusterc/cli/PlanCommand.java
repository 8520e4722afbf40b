package dev.clusterc.cli;

import dev.clusterc.cli.run.DirectCompile;
import dev.clusterc.cli.run.DirectDelivery;
import dev.clusterc.cli.run.PlanPrinter;
import dev.clusterc.cli.run.PlanResult;
import dev.clusterc.cli.run.StopOnSignal;
import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.CompiledCluster;
import dev.clusterc.compiler.api.Delivery;
import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.model.UnitGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clusterc plan PATH}: a server-side dry run of every unit against the live cluster,
 * printed per layer and unit (created, configured with a diff, unchanged, pruned) with the
 * consequences apply would refuse. Nothing is written. Exit 0 whatever it found ({@code diff}
 * exits 1 on changes).
 */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Show what `clusterc apply` would do to the live cluster (a server-side dry run; nothing is written).",
    footer = {"", "Exit status: 0 planned (changes or not), 2 errors in the sources, usage or I/O failure, an object"
        + " the API server rejects or an inventory it cannot use, 3 the cluster cannot be reached, 130 stopped by Ctrl-C."})
public class PlanCommand extends RuntimeCommand {
  @Option(names = "--prune-data",
      description = "Plan as `apply --prune-data` would: prune volumes, claims and namespaces holding claims.")
  boolean pruneData;

  @Parameters(index = "0", paramLabel = "PATH", description = "A cluster: a directory of .cluster files or a single .cluster file.")
  void path(Path value) {
    path = value;
  }

  @Override
  int run() throws IOException {
    return plan(false);
  }

  /** Plans and prints; {@code diffExit}: exit 1 when something would change. */
  int plan(boolean diffExit) throws IOException {
    Optional<Analysis> analysis = analyse();
    if (analysis.isEmpty()) {
      return ExitCode.FAILURE;
    }
    Optional<CompiledCluster> cluster = compile(analysis.get(), Delivery.DIRECT);
    if (cluster.isEmpty()) {
      return ExitCode.FAILURE;
    }
    cluster.get().gitops().filter(engine -> !engine.equals(DirectCompile.SELF_DEPLOYED)).ifPresent(engine -> err().println("note: cluster " + cluster.get().name() + " is deployed by "
        + engine + "; this compares the units as `clusterc apply --direct` would apply them (charts rendered)"));
    List<String> sops = DirectDelivery.sopsFiles(cluster.get(), cwd);
    if (!sops.isEmpty()) {
      err().println("note: these SOPS-encrypted Secrets are not compared (clusterc holds no key to decrypt them):");
      sops.forEach(err()::println);
    }
    UnitGraph graph = graph(cluster.get());
    List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
    PlanResult result;
    try (StopOnSignal stop = StopOnSignal.install()) {
      result = plan(graph, events, stop);
    } catch (RuntimeException e) {
      return runFailure(e);
    }
    PlanPrinter printer = new PlanPrinter(graph, List.copyOf(events), result);
    out().print(runtime.json() ? printer.json() : printer.text());
    return diffExit && printer.changes() ? ExitCode.FINDINGS : ExitCode.OK;
  }

  /** The one call into the runtime. */
  private PlanResult plan(UnitGraph graph, List<RunEvent> events, StopOnSignal stop) {
    return main.engine().plan(graph, runtime.settings(false, false, pruneData, false, false), events::add, stop.flag());
  }
}
