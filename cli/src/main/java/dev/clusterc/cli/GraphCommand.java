package dev.clusterc.cli;

import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.diag.HumanRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clusterc graph PATH}: the dependency graph grouped by layer, as Mermaid or DOT. A cluster
 * with errors has no graph worth drawing: its diagnostics are printed instead (exit 1).
 */
@Command(name = "graph", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Print the dependency graph of a cluster, grouped by layer.",
    footer = {"", "Exit status: 0 graph printed, 1 the cluster has errors, 2 usage or I/O failure."})
public final class GraphCommand extends Subcommand {
  enum Format { mermaid, dot }

  @Parameters(index = "0", paramLabel = "PATH",
      description = "A cluster: a directory of .cluster files or a single .cluster file.")
  Path path;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.mermaid;

  @Mixin
  ColorOption color = new ColorOption();

  @Override
  int run() throws IOException {
    Failure problem = ClusterRoots.problem(path, cwd);
    if (problem != null) {
      problem.print(err());
      return ExitCode.FAILURE;
    }
    Analysis analysis = ClusterCompiler.open(path).analyse();
    Optional<String> graph = format == Format.dot ? analysis.dotGraph() : analysis.mermaidGraph();
    if (graph.isEmpty()) {
      err().print(new HumanRenderer(color.enabled(terminal())).render(analysis.diagnostics()));
      err().println(HumanRenderer.summary(analysis.diagnostics()));
      return ExitCode.FINDINGS;
    }
    out().print(graph.get());
    return ExitCode.OK;
  }
}
