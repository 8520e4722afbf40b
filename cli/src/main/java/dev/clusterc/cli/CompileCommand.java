package dev.clusterc.cli;

import dev.clusterc.compiler.diag.HumanRenderer;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.FlatLayout;
import dev.clusterc.compiler.emit.GitOpsLayout;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.emit.OutputDirectory;
import dev.clusterc.compiler.program.Frontend;
import dev.clusterc.compiler.program.Program;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clusterc compile PATH… [-o DIR | -o -] [--layout gitops|flat]}: checks every cluster first, and
 * with any error writes nothing. Each cluster's tree is written beside its target and moved into place
 * whole; several clusters need {@code -o DIR} (each goes to {@code DIR/CLUSTER}).
 */
@Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Compile a cluster to Kubernetes manifests: a Flux GitOps tree or one YAML stream.",
    footer = {"", "Exit status: 0 compiled, 1 the cluster has errors (nothing written), 2 usage or I/O failure."})
public final class CompileCommand extends Subcommand {
  enum Layout { gitops, flat }

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "A cluster: a directory of .cluster files or a single .cluster file; several need -o DIR.")
  List<Path> paths = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "-",
      description = "Where to write: a directory (the tree goes to DIR/CLUSTER), or - for standard output (default).")
  String output = "-";

  @Option(names = "--layout", paramLabel = "LAYOUT",
      description = "gitops (a directory tree; the default with -o DIR) or flat (one YAML stream in apply order; "
          + "the default with -o -, written to DIR/CLUSTER.yaml with -o DIR).")
  Layout layout;

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
      err().println("clusterc: several clusters need -o DIR (each is written to DIR/CLUSTER)");
      return ExitCode.FAILURE;
    }
    for (Path path : paths) {
      Failure problem = ClusterRoots.problem(path, workspace);
      if (problem != null) {
        problem.print(err());
        return ExitCode.FAILURE;
      }
    }
    List<Compilation> compilations = new ArrayList<>();
    for (Path path : paths) {
      Program program = Frontend.check(path.toAbsolutePath().normalize(), workspace);
      if (!program.diagnostics().isEmpty()) {
        err().print(new HumanRenderer(color.enabled(terminal())).render(program.diagnostics()));
        err().println(HumanRenderer.summary(program.diagnostics()));
      }
      if (program.hasErrors()) {
        return ExitCode.FINDINGS;
      }
      compilations.add(ManifestCompiler.compile(program));
    }
    if (toStdout) {
      out().print(FlatLayout.write(compilations.get(0)));
      return ExitCode.OK;
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Compilation compilation : compilations) {
      if (!names.add(compilation.name())) {
        err().println("clusterc: two of these clusters are named `" + compilation.name() + "`, and both would be written to "
            + workspace.display(Path.of(output).resolve(compilation.name())));
        err().println("clusterc: hint: compile them into different directories");
        return ExitCode.FAILURE;
      }
    }
    Path root = Path.of(output);
    for (Compilation compilation : compilations) {
      write(compilation, root, chosen);
    }
    return ExitCode.OK;
  }

  private void write(Compilation compilation, Path root, Layout chosen) throws IOException {
    if (chosen == Layout.flat) {
      Path file = root.resolve(compilation.name() + ".yaml");
      AtomicFile.write(file, FlatLayout.write(compilation).getBytes(StandardCharsets.UTF_8));
      err().println("clusterc: wrote " + workspace.display(file));
    } else {
      Path tree = root.resolve(compilation.name());
      OutputDirectory.replace(tree, dir -> GitOpsLayout.write(compilation, dir));
      err().println("clusterc: wrote " + compilation.units().size() + " units to " + workspace.display(tree));
    }
  }
}
