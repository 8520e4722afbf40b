package dev.clusterc.cli;

import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.api.CompileResult;
import dev.clusterc.compiler.api.CompiledCluster;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.HumanRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clusterc compile PATH… [-o DIR | -o -] [--layout gitops|flat]}: checks every cluster first, and
 * with any error writes nothing. {@code -o DIR} is the root of the user's Git repository: each
 * cluster's tree goes to {@code DIR/<gitops path>} ({@link CompileOutput}), where compile replaces
 * only the files it wrote before; several clusters need {@code -o DIR}.
 */
@Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Compile a cluster to Kubernetes manifests: a Flux GitOps tree or one YAML stream.",
    footer = {"", "Exit status: 0 compiled, 1 the cluster has errors, or warnings with --warnings-as-errors"
        + " (nothing written), 2 usage or I/O failure."})
public final class CompileCommand extends Subcommand {
  enum Layout { gitops, flat }

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "A cluster: a directory of .cluster files or a single .cluster file; several need -o DIR.")
  List<Path> paths = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "-",
      description = "Where to write: the root of your Git repository (each tree goes to DIR/<gitops path>, "
          + "default DIR/clusters/CLUSTER), or - for standard output (default).")
  String output = "-";

  @Option(names = "--layout", paramLabel = "LAYOUT",
      description = "gitops (a directory tree; the default with -o DIR) or flat (one YAML stream in apply order; "
          + "the default with -o -, written to DIR/CLUSTER.yaml with -o DIR).")
  Layout layout;

  @Mixin
  ReportOptions report = new ReportOptions();

  @Mixin
  ColorOption color = new ColorOption();

  @Override
  int run() throws IOException {
    boolean toStdout = output.equals("-");
    Layout chosen = layout != null ? layout : toStdout ? Layout.flat : Layout.gitops;
    if (toStdout && chosen == Layout.gitops) {
      err().println("clusterc: the gitops layout is a directory tree: give -o DIR, or use --layout flat with -o -");
      return ExitCode.FAILURE;
    }
    if (toStdout && paths.size() > 1) {
      err().println("clusterc: several clusters need -o DIR (each tree is written to DIR/<gitops path>)");
      return ExitCode.FAILURE;
    }
    Failure badOutput = toStdout ? null : OutputPlacement.outputProblem(output);
    if (badOutput != null) {
      badOutput.print(err());
      return ExitCode.FAILURE;
    }
    for (Path path : paths) {
      Failure problem = ClusterRoots.problem(path, cwd);
      if (problem != null) {
        problem.print(err());
        return ExitCode.FAILURE;
      }
    }
    List<CompiledCluster> compiled = new ArrayList<>();
    for (Path path : paths) {
      CompileResult result = ClusterCompiler.open(path).compile();
      // one report, sorted as check sorts it, so that compile prints exactly what check prints
      List<Diagnostic> diagnostics = CheckCommand.sortedUnique(result.diagnostics());
      report.printHuman(diagnostics, new HumanRenderer(color.enabled(terminal())), err(), err());
      if (result.cluster().isEmpty() || report.fails(diagnostics)) {
        return ExitCode.FINDINGS;
      }
      compiled.add(result.cluster().get());
    }
    if (toStdout) {
      compiled.get(0).writeStream(out());
      if (out().checkError()) {
        err().println("clusterc: standard output: write failed; the stream is incomplete");
        return ExitCode.FAILURE;
      }
      return ExitCode.OK;
    }
    return new CompileOutput(cwd, err(), report.quiet).write(compiled, paths, Path.of(output), chosen == Layout.flat);
  }
}
