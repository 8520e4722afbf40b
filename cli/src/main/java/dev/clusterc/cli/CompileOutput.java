package dev.clusterc.cli;

import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.NextStep;
import dev.clusterc.compiler.layout.FlatLayout;
import dev.clusterc.compiler.layout.GitOpsLayout;
import dev.clusterc.compiler.layout.OutputDirectory;
import dev.clusterc.compiler.layout.OutputRefusedException;
import dev.clusterc.compiler.load.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes compiled clusters below {@code -o DIR}: each gitops tree to {@code DIR/<gitops path>}
 * through {@link OutputDirectory} (only files compile owns are replaced), each flat stream to
 * {@code DIR/CLUSTER.yaml}. Every check that can refuse runs for all clusters before the first
 * file is written, and every tree is staged and checked before the first one is moved into place.
 */
final class CompileOutput {
  /** The first line of a flat file written to disk: it marks the file as compile's own, to be replaced. */
  static final String FLAT_MARK = "# Written by `clusterc compile` (flat layout); the next compile replaces this file.\n";

  private final Workspace workspace;
  private final PrintWriter err;
  private final boolean quiet;

  /** @param quiet print only failures: no "wrote" lines and no next steps */
  CompileOutput(Workspace workspace, PrintWriter err, boolean quiet) {
    this.workspace = workspace;
    this.err = err;
    this.quiet = quiet;
  }

  /** One output: a compilation and where it goes. */
  private record Target(Compilation compilation, Path path) {}

  /** Writes every compilation below {@code root}; the exit status. */
  int write(List<Compilation> compilations, List<Path> sources, Path root, boolean flat) throws IOException {
    List<Target> targets = new ArrayList<>();
    for (Compilation compilation : compilations) {
      Failure problem = flat ? null : OutputPlacement.treePathProblem(compilation.name(), compilation.path());
      if (problem != null) {
        return fail(problem);
      }
      Path path = root.resolve(flat ? compilation.name() + ".yaml" : compilation.path());
      for (Target other : targets) {
        if (OutputPlacement.overlap(path.toAbsolutePath().normalize(), other.path().toAbsolutePath().normalize())) {
          String pair = "clusters `" + other.compilation().name() + "` and `" + compilation.name() + "`";
          String why = compilation.name().equals(other.compilation().name())
              ? "two of these clusters are named `" + compilation.name() + "`, and both would be written to " + workspace.display(path)
              : path.toAbsolutePath().normalize().equals(other.path().toAbsolutePath().normalize())
                  ? pair + " would both be written to " + workspace.display(path)
                  : pair + " would be written to " + workspace.display(other.path()) + " and " + workspace.display(path)
                      + ", one inside the other";
          return fail(new Failure(null, why, "compile them into different directories, or give them different gitops paths"));
        }
      }
      targets.add(new Target(compilation, path));
    }
    for (Target target : targets) {
      Failure problem = OutputPlacement.sourceProblem(target.path(), sources, workspace);
      if (problem == null) {
        problem = flat ? flatFileProblem(target.path()) : refused(() -> OutputDirectory.check(target.path()));
      }
      if (problem != null) {
        return fail(problem);
      }
    }
    return flat ? writeFlat(targets) : writeTrees(targets);
  }

  private int writeFlat(List<Target> targets) throws IOException {
    for (Target target : targets) {
      AtomicFile.write(target.path(), (FLAT_MARK + FlatLayout.write(target.compilation())).getBytes(StandardCharsets.UTF_8));
      if (!quiet) {
        err.println("clusterc: wrote " + workspace.display(target.path()));
      }
    }
    return ExitCode.OK;
  }

  private int writeTrees(List<Target> targets) throws IOException {
    List<OutputDirectory.Staged> staged = new ArrayList<>();
    try {
      for (Target target : targets) {
        staged.add(OutputDirectory.prepare(target.path(), dir -> GitOpsLayout.write(target.compilation(), dir, target.path())));
      }
    } catch (OutputRefusedException e) {
      discard(staged);
      return fail(failure(e));
    } catch (IOException | RuntimeException | Error e) {
      discard(staged);
      throw e;
    }
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      if (staged.get(i).finishedEarlierRun() && !quiet) {
        err.println("clusterc: finished moving the files of an interrupted compile into " + workspace.display(target.path()));
      }
      try {
        staged.get(i).install();
      } catch (IOException | RuntimeException | Error e) {
        // the trees not installed yet leave no staging behind (the failed one's is the next run's to finish)
        discard(staged.subList(i + 1, staged.size()));
        throw e;
      }
      if (quiet) {
        continue;
      }
      err.println("clusterc: wrote " + target.compilation().units().size() + " units (" + staged.get(i).files() + " files) to "
          + workspace.display(target.path()));
      String steps = NextStep.render(target.compilation().nextSteps(GitOpsLayout.bootstrapped(target.path())));
      err.print(steps.isEmpty() ? "" : "clusterc: " + steps);
    }
    return ExitCode.OK;
  }

  private static void discard(List<OutputDirectory.Staged> staged) throws IOException {
    for (OutputDirectory.Staged one : staged) {
      one.discard();
    }
  }

  /** A flat file is replaced only when it is compile's own (its first line) or missing. */
  private Failure flatFileProblem(Path file) throws IOException {
    Failure parent = refused(() -> OutputDirectory.check(file.toAbsolutePath().normalize().getParent()));
    if (parent != null || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return parent;
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return new Failure(workspace.display(file), "is not a regular file; nothing written", "move it away, or choose another -o DIR");
    }
    byte[] mark = FLAT_MARK.getBytes(StandardCharsets.UTF_8);
    byte[] start = new byte[mark.length];
    int read;
    try (var in = Files.newInputStream(file)) {
      read = in.readNBytes(start, 0, start.length);
    }
    if (read < mark.length || !Arrays.equals(start, mark)) {
      return new Failure(workspace.display(file), "exists, and compile did not write it; nothing written",
          "compile replaces only a file whose first line is its own mark; move this one away, or choose another -o DIR");
    }
    return null;
  }

  /** A check that throws {@link OutputRefusedException}, as a failure or {@code null}. */
  private Failure refused(Check check) throws IOException {
    try {
      check.run();
      return null;
    } catch (OutputRefusedException e) {
      return failure(e);
    }
  }

  @FunctionalInterface
  private interface Check {
    void run() throws IOException;
  }

  private Failure failure(OutputRefusedException e) {
    return new Failure(workspace.display(Path.of(e.getFile())), e.getReason(), e.hint());
  }

  private int fail(Failure failure) {
    failure.print(err);
    return ExitCode.FAILURE;
  }
}
