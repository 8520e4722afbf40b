package dev.clusterc.cli;

import dev.clusterc.cli.run.DirectDelivery;
import dev.clusterc.cli.run.HandOver;
import dev.clusterc.cli.run.JsonEvents;
import dev.clusterc.cli.run.LiveView;
import dev.clusterc.cli.run.PlainLog;
import dev.clusterc.cli.run.StopOnSignal;
import dev.clusterc.cli.run.UnitGraphs;
import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.CompiledCluster;
import dev.clusterc.compiler.api.Delivery;
import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.model.UnitGraph;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clusterc apply PATH}: brings the live cluster to the sources, unit by unit in dependency
 * order, waiting for each to be healthy before its dependents, then prunes what the inventory no
 * longer wants. A cluster deployed by clusterc itself ({@code gitops clusterc}) is applied as one
 * without {@code gitops}, the unit of its in-cluster runtime included. A cluster that names another
 * GitOps engine is not applied unless asked: {@code --direct}
 * applies its units directly, {@code --bootstrap-flux-tree} hands it to a running Flux (its
 * GitRepository and Kustomizations, waited for until Flux reports each Ready).
 */
@Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Apply a cluster to the live Kubernetes cluster: units in dependency order, health waits, prune.",
    footer = {"", "Exit status: 0 applied and healthy (or nothing to do), 1 a unit failed or timed out, or prune"
        + " could not delete an object, 2 errors in the sources, refused before any write (gitops, SOPS, usage,"
        + " consequences without their flag, an object the API server rejects, an inventory it cannot use: another"
        + " tool's parent or an empty desired set) or I/O failure, 3 the cluster cannot be reached,"
        + " 130 stopped by Ctrl-C (what was applied is listed)."})
public final class ApplyCommand extends RuntimeCommand {
  /** The engine of {@code gitops clusterc}: clusterc's own runtime, which this command is. */
  private static final String IN_CLUSTER = "clusterc";

  @Option(names = "--force-conflicts", description = "Take over fields another field manager owns (their names are reported).")
  boolean forceConflicts;

  @Option(names = "--force", description = "Re-create objects whose immutable fields changed (never claims holding data).")
  boolean force;

  @Option(names = "--prune-data", description = "Let prune delete volumes, claims and namespaces holding claims.")
  boolean pruneData;

  @Option(names = "--allow-disruption",
      description = "Let apply lower a database's instances or move a load-balancer or gateway address.")
  boolean allowDisruption;

  @Option(names = "--keep-going",
      description = "After a unit fails, go on with the units that do not depend on it (default: stop starting units).")
  boolean keepGoing;

  @Option(names = "--direct",
      description = "For a cluster with `gitops`: apply its units directly (charts rendered), without Flux or Argo CD.")
  boolean direct;

  @Option(names = "--bootstrap-flux-tree",
      description = "For a `gitops flux` cluster: apply Flux's GitRepository and Kustomizations to a cluster where Flux"
          + " runs and wait until Flux has reconciled every unit (for Argo CD: print the steps).")
  boolean bootstrap;

  @Override
  int run() throws IOException {
    if (direct && bootstrap) {
      err().println("clusterc: --direct and --bootstrap-flux-tree exclude each other: choose who deploys the cluster");
      return ExitCode.FAILURE;
    }
    Optional<Analysis> analysis = analyse();
    if (analysis.isEmpty()) {
      return ExitCode.FAILURE;
    }
    // gitops clusterc: clusterc deploys the cluster itself, so apply applies it (its runtime unit too)
    boolean selfDeployed = analysis.get().gitops().filter(IN_CLUSTER::equals).isPresent();
    Optional<String> engine = analysis.get().gitops().filter(e -> !e.equals(IN_CLUSTER));
    String name = analysis.get().clusterName().orElse("?");
    if (selfDeployed && bootstrap) {
      err().println("clusterc: cluster " + name + " is deployed by clusterc itself (`gitops clusterc`): `clusterc apply "
          + shownPath() + "` applies it, its in-cluster runtime included; drop --bootstrap-flux-tree");
      return ExitCode.FAILURE;
    }
    if (engine.isEmpty() && !selfDeployed && (direct || bootstrap)) {
      err().println("clusterc: cluster " + name + " has no `gitops` block: its units are applied directly already;"
          + " drop " + (direct ? "--direct" : "--bootstrap-flux-tree"));
      return ExitCode.FAILURE;
    }
    if (engine.isPresent() && bootstrap) {
      Optional<CompiledCluster> declared = compile(analysis.get(), Delivery.DECLARED);
      if (declared.isEmpty()) {
        return ExitCode.FAILURE;
      }
      if (!engine.get().equals("flux")) {
        err().print(HandOver.steps(declared.get(), shownPath()));
        return ExitCode.FAILURE;
      }
      int status = run(UnitGraphs.fluxHandOver(declared.get()));
      if (status != ExitCode.OK && status != ExitCode.STOPPED) {
        err().print(HandOver.fluxNotReady(declared.get(), shownPath()));
      }
      return status;
    }
    if (engine.isPresent() && !direct) {
      err().println(HandOver.refusal(engine.get(), name, shownPath()));
      return ExitCode.FAILURE;
    }
    Optional<CompiledCluster> cluster = compile(analysis.get(), Delivery.DIRECT);
    if (cluster.isEmpty()) {
      return ExitCode.FAILURE;
    }
    Optional<String> sops = DirectDelivery.refusal(cluster.get(), cwd);
    if (sops.isPresent()) {
      err().println(sops.get());
      return ExitCode.FAILURE;
    }
    return run(graph(cluster.get()));
  }

  /** Applies {@code graph} with the progress view the output asks for; the exit status. */
  private int run(UnitGraph graph) {
    AtomicReference<RunEvent.Finished> finished = new AtomicReference<>();
    LiveView live = !runtime.json() && terminal().stdoutIsTerminal()
        ? new LiveView("clusterc apply " + graph.cluster(), graph, out(), width()).start() : null;
    RunListener view = runtime.json() ? new JsonEvents(out()) : live != null ? live : new PlainLog(out());
    RunListener listener = event -> {
      if (event instanceof RunEvent.Finished f) {
        finished.set(f);
      }
      view.on(event);
    };
    try (StopOnSignal stop = StopOnSignal.install()) {
      try {
        apply(graph, listener, stop);
      } catch (RuntimeException e) {
        return runFailure(e);
      } finally {
        if (live != null) {
          live.close();
        }
      }
    }
    return exit(finished.get());
  }

  /** The one call into the runtime. */
  private void apply(UnitGraph graph, RunListener listener, StopOnSignal stop) {
    main.engine().apply(graph, runtime.settings(forceConflicts, force, pruneData, allowDisruption, keepGoing), listener, stop.flag());
  }

  static int exit(RunEvent.Finished finished) {
    if (finished == null) {
      return ExitCode.FAILURE;
    }
    if (finished.stopped()) {
      return ExitCode.STOPPED;
    }
    return finished.failedUnits() > 0 || finished.pruneFailures() > 0 ? ExitCode.FINDINGS : ExitCode.OK;
  }
}
