package dev.clusterc.cli;

import dev.clusterc.compiler.api.CompiledCluster;
import dev.clusterc.compiler.api.NextStep;
import dev.clusterc.compiler.api.RefusedOutputException;
import dev.clusterc.compiler.api.StagedTree;
import dev.clusterc.compiler.source.WorkingDirectory;
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
 * through a {@link StagedTree} (only files compile owns are replaced), each flat stream to
 * {@code DIR/CLUSTER.yaml}. Every check that can refuse runs for all clusters before the first
 * file is written, and every tree is staged and checked before the first one is moved into place.
 */
final class CompileOutput {
  /** The first line of a flat file written to disk: it marks the file as compile's own, to be replaced. */
  static final String FLAT_MARK = "# Written by `clusterc compile` (flat layout); the next compile replaces this file.\n";

  private final WorkingDirectory cwd;
  private final PrintWriter err;
  private final boolean quiet;

  /** @param quiet print only failures: no "wrote" lines and no next steps */
  CompileOutput(WorkingDirectory cwd, PrintWriter err, boolean quiet) {
    this.cwd = cwd;
    this.err = err;
    this.quiet = quiet;
  }

  /** One output: a cluster and where it goes. */
  private record Target(CompiledCluster cluster, Path path) {}

  /** Writes every cluster below {@code root}; the exit status. */
  int write(List<CompiledCluster> clusters, List<Path> sources, Path root, boolean flat) throws IOException {
    List<Target> targets = new ArrayList<>();
    for (CompiledCluster cluster : clusters) {
      Failure problem = flat ? null : OutputPlacement.treePathProblem(cluster);
      if (problem != null) {
        return fail(problem);
      }
      Path path = root.resolve(flat ? cluster.name() + ".yaml" : cluster.gitopsPath());
      for (Target other : targets) {
        if (OutputPlacement.overlap(path.toAbsolutePath().normalize(), other.path().toAbsolutePath().normalize())) {
          String pair = "clusters `" + other.cluster().name() + "` and `" + cluster.name() + "`";
          String why = cluster.name().equals(other.cluster().name())
              ? "two of these clusters are named `" + cluster.name() + "`, and both would be written to " + cwd.display(path)
              : path.toAbsolutePath().normalize().equals(other.path().toAbsolutePath().normalize())
                  ? pair + " would both be written to " + cwd.display(path)
                  : pair + " would be written to " + cwd.display(other.path()) + " and " + cwd.display(path)
                      + ", one inside the other";
          return fail(new Failure(null, why, "compile them into different directories, or give them different gitops paths"));
        }
      }
      targets.add(new Target(cluster, path));
    }
    for (Target target : targets) {
      Failure problem = OutputPlacement.sourceProblem(target.path(), sources, cwd);
      if (problem == null) {
        problem = flat ? flatFileProblem(target.path()) : refused(() -> StagedTree.check(target.path()));
      }
      if (problem != null) {
        return fail(problem);
      }
    }
    return flat ? writeFlat(targets) : writeTrees(targets);
  }

  private int writeFlat(List<Target> targets) throws IOException {
    for (Target target : targets) {
      AtomicFile.write(target.path(), out -> {
        out.write(FLAT_MARK.getBytes(StandardCharsets.UTF_8));
        target.cluster().writeStream(out);
      });
      if (!quiet) {
        err.println("clusterc: wrote " + cwd.display(target.path()));
      }
    }
    return ExitCode.OK;
  }

  private int writeTrees(List<Target> targets) throws IOException {
    List<StagedTree> staged = new ArrayList<>();
    try {
      for (Target target : targets) {
        staged.add(target.cluster().stageTree(target.path()));
      }
    } catch (RefusedOutputException e) {
      discard(staged);
      return fail(failure(e));
    } catch (IOException | RuntimeException | Error e) {
      discard(staged);
      throw e;
    }
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      if (staged.get(i).finishedEarlierRun() && !quiet) {
        err.println("clusterc: finished moving the files of an interrupted compile into " + cwd.display(target.path()));
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
      err.println("clusterc: wrote " + target.cluster().unitCount() + " units (" + staged.get(i).files() + " files) to "
          + cwd.display(target.path()));
      String steps = NextStep.render(target.cluster().nextSteps(target.path()));
      err.print(steps.isEmpty() ? "" : "clusterc: " + steps);
    }
    return ExitCode.OK;
  }

  private static void discard(List<StagedTree> staged) throws IOException {
    for (StagedTree one : staged) {
      one.discard();
    }
  }

  /** A flat file is replaced only when it is compile's own (its first line) or missing. */
  private Failure flatFileProblem(Path file) throws IOException {
    Failure parent = refused(() -> StagedTree.check(file.toAbsolutePath().normalize().getParent()));
    if (parent != null || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return parent;
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return new Failure(cwd.display(file), "is not a regular file; nothing written", "move it away, or choose another -o DIR");
    }
    byte[] mark = FLAT_MARK.getBytes(StandardCharsets.UTF_8);
    byte[] start = new byte[mark.length];
    int read;
    try (var in = Files.newInputStream(file)) {
      read = in.readNBytes(start, 0, start.length);
    }
    if (read < mark.length || !Arrays.equals(start, mark)) {
      return new Failure(cwd.display(file), "exists, and compile did not write it; nothing written",
          "compile replaces only a file whose first line is its own mark; move this one away, or choose another -o DIR");
    }
    return null;
  }

  /** A check that throws {@link RefusedOutputException}, as a failure or {@code null}. */
  private Failure refused(Check check) throws IOException {
    try {
      check.run();
      return null;
    } catch (RefusedOutputException e) {
      return failure(e);
    }
  }

  @FunctionalInterface
  private interface Check {
    void run() throws IOException;
  }

  private Failure failure(RefusedOutputException e) {
    return new Failure(cwd.display(Path.of(e.getFile())), e.getReason(), e.hint());
  }

  private int fail(Failure failure) {
    failure.print(err);
    return ExitCode.FAILURE;
  }
}
