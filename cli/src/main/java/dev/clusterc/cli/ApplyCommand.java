package dev.clusterc.cli;

import dev.clusterc.cli.run.DirectCompile;
import dev.clusterc.cli.run.HandOver;
import dev.clusterc.cli.run.JsonEvents;
import dev.clusterc.cli.run.LiveView;
import dev.clusterc.cli.run.PlainLog;
import dev.clusterc.cli.run.StopOnSignal;
import dev.clusterc.cli.run.UnitGraphs;
import dev.clusterc.cli.watch.DirectorySource;
import dev.clusterc.cli.watch.GitSettings;
import dev.clusterc.cli.watch.GitSource;
import dev.clusterc.cli.watch.Source;
import dev.clusterc.cli.watch.WatchRun;
import dev.clusterc.cli.watch.WatchSettings;
import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.CompiledCluster;
import dev.clusterc.compiler.api.Delivery;
import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.model.UnitGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code clusterc apply PATH}: brings the live cluster to the sources, unit by unit in dependency
 * order, waiting for each to be healthy before its dependents, then prunes what the inventory no
 * longer wants. A cluster deployed by clusterc itself ({@code gitops clusterc}) is applied as one
 * without {@code gitops}, the unit of its in-cluster runtime included. A cluster that names another
 * GitOps engine is not applied unless asked: {@code --direct}
 * applies its units directly, {@code --bootstrap-flux-tree} hands it to a running Flux (its
 * GitRepository and Kustomizations, waited for until Flux reports each Ready). With {@code --watch}
 * it keeps running and applies every new revision of a directory or a Git branch ({@link WatchRun}).
 */
@Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Apply a cluster to the live Kubernetes cluster: units in dependency order, health waits, prune.",
    footer = {"", "Exit status: 0 applied and healthy (or nothing to do), 1 a unit failed or timed out, or prune"
        + " could not delete an object, 2 errors in the sources, refused before any write (gitops, SOPS, usage,"
        + " consequences without their flag, an object the API server rejects, an inventory it cannot use: another"
        + " tool's parent or an empty desired set) or I/O failure, 3 the cluster cannot be reached,"
        + " 130 stopped by Ctrl-C (what was applied is listed).",
        "With --watch: 0 stopped by SIGTERM or Ctrl-C after a complete shutdown, 2 usage, a PATH that is not a"
            + " directory of .cluster files, a status address that cannot be bound, or the loop ended by a bug,"
            + " 3 the cluster cannot be reached at start."})
public final class ApplyCommand extends RuntimeCommand {

  /** How long a watched directory must be quiet after a change before it is read (an editor saves in steps). */
  static final Duration DEBOUNCE = Duration.ofMillis(500);

  @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
      description = "A cluster: a directory of .cluster files or a single .cluster file (with --watch: a directory;"
          + " left out with --git).")
  void path(Path value) {
    path = value;
  }

  @Mixin
  WatchFlags watch = new WatchFlags();

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
    String usage = watch.problem(spec.commandLine().getParseResult(), path);
    if (usage == null && watch.watch && bootstrap) {
      usage = "--watch applies directly; --bootstrap-flux-tree hands a cluster to Flux once: choose one";
    }
    if (usage == null && watch.watch && spec.commandLine().getParseResult().hasMatchedOption("--output")) {
      usage = "--watch writes log lines: choose their format with --log-format text|json, not --output";
    }
    if (usage != null) {
      throw new ParameterException(spec.commandLine(), usage);
    }
    if (watch.watch) {
      return watch();
    }
    if (direct && bootstrap) {
      err().println("clusterc: --direct and --bootstrap-flux-tree exclude each other: choose who deploys the cluster");
      return ExitCode.FAILURE;
    }
    Optional<Analysis> analysis = analyse();
    if (analysis.isEmpty()) {
      return ExitCode.FAILURE;
    }
    // gitops clusterc: clusterc deploys the cluster itself, so apply applies it (its runtime unit too)
    boolean selfDeployed = analysis.get().gitops().filter(DirectCompile.SELF_DEPLOYED::equals).isPresent();
    Optional<String> engine = analysis.get().gitops().filter(e -> !e.equals(DirectCompile.SELF_DEPLOYED));
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
    DirectCompile.Result result = DirectCompile.of(analysis.get(), direct, shownPath(), cwd);
    print(result.diagnostics());
    if (result.refusal() != null) {
      err().println(result.refusal());
    }
    if (result.cluster() == null) {
      return ExitCode.FAILURE;
    }
    return run(graph(result.cluster()));
  }

  /** {@code --watch}: runs until a signal stops it ({@link WatchRun}); the exit status. */
  private int watch() throws IOException {
    String optionProblem = runtime.problem();
    if (optionProblem != null) {
      err().println("clusterc: " + optionProblem);
      return ExitCode.FAILURE;
    }
    if (path != null) {
      Failure problem = ClusterRoots.problem(path, cwd);
      if (problem == null && !Files.isDirectory(path)) {
        problem = new Failure(path.toString(), "--watch needs a directory", "watch the directory that holds it: "
            + (path.toAbsolutePath().getParent() == null ? "." : cwd.display(path.toAbsolutePath().getParent())));
      }
      if (problem != null) {
        problem.print(err());
        return ExitCode.FAILURE;
      }
    }
    WatchSettings settings = new WatchSettings(runtime.settings(forceConflicts, force, pruneData, allowDisruption, keepGoing),
        direct, watch.resync, watch.statusAddress, watch.leaderElect, watch.leaseNamespace,
        Optional.ofNullable(watch.leaseName), watch.logFormat);
    GitSettings gitSettings = path == null ? git() : null;
    Supplier<Source> sources = path != null ? () -> new DirectorySource(path, DEBOUNCE) : () -> new GitSource(gitSettings);
    try {
      WatchRun run = new WatchRun(Version.NUMBER, settings, sources, out());
      if (main != null) {
        main.watches().accept(run);
      }
      return run.run();
    } catch (RuntimeException e) {
      return runFailure(e);
    }
  }

  /** The Git source's settings from the flags; the cache a new temporary directory unless {@code --git-cache} names one. */
  private GitSettings git() throws IOException {
    Path cache = watch.gitCache != null ? watch.gitCache : Files.createTempDirectory("clusterc-git-");
    return new GitSettings(watch.gitUrl, watch.branch, watch.gitPath, watch.interval, Optional.ofNullable(watch.tokenFile),
        Optional.ofNullable(watch.sshKey), Optional.ofNullable(watch.knownHosts), cache);
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
