package dev.clusterc.cli;

import dev.clusterc.compiler.api.Frontend;
import dev.clusterc.compiler.diag.HumanRenderer;
import dev.clusterc.compiler.program.GraphRenderer;
import dev.clusterc.compiler.program.Program;
import java.io.IOException;
import java.nio.file.Path;
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
    Failure problem = ClusterRoots.problem(path, workspace);
    if (problem != null) {
      problem.print(err());
      return ExitCode.FAILURE;
    }
    Program program = Frontend.check(path.toAbsolutePath().normalize(), workspace);
    if (program.hasErrors()) {
      err().print(new HumanRenderer(color.enabled(terminal())).render(program.diagnostics()));
      err().println(HumanRenderer.summary(program.diagnostics()));
      return ExitCode.FINDINGS;
    }
    out().print(format == Format.dot ? GraphRenderer.dot(program) : GraphRenderer.mermaid(program));
    return ExitCode.OK;
  }
}
