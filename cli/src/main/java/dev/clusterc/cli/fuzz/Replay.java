package dev.clusterc.cli.fuzz;

import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.api.CompiledCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the exception behind an "internal error". The commands catch every exception and print one
 * line without a stack (as they should), so the fuzzer runs the same steps again through the
 * compiler's API — analyse and compile, write the tree, write the stream — and catches what they
 * throw, to name the bug by its type and top frame. The API turns bad input into diagnostics, so
 * whatever it throws is a bug.
 */
final class Replay {
  private Replay() {}

  /** The unexpected exception that checking and compiling {@code src} throws, or null if none does. */
  static Throwable thrown(Path src, Path scratch) {
    try {
      Optional<CompiledCluster> compiled = ClusterCompiler.open(src).compile().cluster();
      if (compiled.isPresent()) {
        compiled.get().writeTree(scratch.resolve(compiled.get().name()));
        compiled.get().stream();
      }
      return null;
    } catch (IOException e) {
      return null;
    } catch (RuntimeException | Error e) {
      return e;
    }
  }
}
