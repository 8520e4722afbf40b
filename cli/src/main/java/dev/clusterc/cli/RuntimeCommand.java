package dev.clusterc.cli;

import dev.clusterc.cli.run.ClusterUnreachableException;
import dev.clusterc.cli.run.RunFailedException;
import dev.clusterc.cli.run.RunStoppedException;
import dev.clusterc.cli.run.UnitGraphs;
import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.api.CompileResult;
import dev.clusterc.compiler.api.CompiledCluster;
import dev.clusterc.compiler.api.Delivery;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.HumanRenderer;
import dev.clusterc.runtime.model.UnitGraph;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/**
 * What {@code plan}, {@code diff} and {@code apply} share: one cluster PATH, checked, analysed and
 * compiled for direct delivery (charts rendered, no Flux or Argo CD object), then turned into the
 * runtime's unit graph. Diagnostics go to standard error as {@code check} prints them; errors in
 * the sources stop the command with exit 2, before anything reaches a cluster.
 */
abstract class RuntimeCommand extends Subcommand {
  /** The cluster PATH; declared by each command (apply --watch --git takes none). */
  Path path;

  @Mixin
  RuntimeOptions runtime = new RuntimeOptions();

  @Mixin
  ColorOption color = new ColorOption();

  /** The analysis of PATH with its diagnostics printed, or empty (after a message) when the command must stop. */
  Optional<Analysis> analyse() throws IOException {
    if (path == null) {
      throw new ParameterException(spec.commandLine(), "Missing required parameter: 'PATH'");
    }
    String optionProblem = runtime.problem();
    if (optionProblem != null) {
      err().println("clusterc: " + optionProblem);
      return Optional.empty();
    }
    Failure problem = ClusterRoots.problem(path, cwd);
    if (problem != null) {
      problem.print(err());
      return Optional.empty();
    }
    Analysis analysis = ClusterCompiler.open(path).analyse();
    if (analysis.hasErrors()) {
      print(analysis.diagnostics());
      return Optional.empty();
    }
    return Optional.of(analysis);
  }

  /** The cluster compiled for {@code delivery}, warnings printed; empty after printing why it did not compile. */
  Optional<CompiledCluster> compile(Analysis analysis, Delivery delivery) {
    CompileResult result = analysis.compile(delivery);
    print(result.diagnostics());
    return result.cluster();
  }

  void print(List<Diagnostic> diagnostics) {
    print(diagnostics, color.enabled(terminal()), err());
  }

  /** Diagnostics as {@code check} prints them, with their summary line. */
  static void print(List<Diagnostic> diagnostics, boolean color, PrintWriter err) {
    List<Diagnostic> sorted = CheckCommand.sortedUnique(diagnostics);
    err.print(new HumanRenderer(color).render(sorted));
    String summary = HumanRenderer.summary(sorted);
    if (summary != null) {
      err.println(summary);
    }
  }

  /** The runtime's graph of a compiled cluster. */
  static UnitGraph graph(CompiledCluster cluster) {
    return UnitGraphs.of(cluster);
  }

  /** The exit status and message for a run that could not reach the cluster or could not run; rethrows anything else. */
  int runFailure(RuntimeException e) {
    if (e instanceof ClusterUnreachableException) {
      err().println("clusterc: cannot reach the cluster: " + e.getMessage());
      err().println("hint: check --kubeconfig and --context (`kubectl --context NAME get --raw /readyz` should answer ok)");
      return ExitCode.UNREACHABLE;
    }
    if (e instanceof RunStoppedException) {
      err().println("clusterc: stopped by Ctrl-C: " + e.getMessage());
      return ExitCode.STOPPED;
    }
    if (e instanceof RunFailedException) {
      err().println("clusterc: " + e.getMessage());
      return ExitCode.FAILURE;
    }
    throw e;
  }

  /** How wide the live view may draw: $COLUMNS, else 100. */
  int width() {
    try {
      return Math.max(40, Integer.parseInt(terminal().env().getOrDefault("COLUMNS", "100")));
    } catch (NumberFormatException e) {
      return 100;
    }
  }

  /** PATH as the user wrote it, for the commands a message suggests. */
  String shownPath() {
    return path.toString();
  }
}
