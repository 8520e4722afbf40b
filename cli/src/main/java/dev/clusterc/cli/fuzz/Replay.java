package dev.clusterc.cli.fuzz;

import dev.clusterc.compiler.api.Frontend;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.CompileRefusedException;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.layout.FlatLayout;
import dev.clusterc.compiler.layout.GitOpsLayout;
import dev.clusterc.compiler.load.Workspace;
import dev.clusterc.compiler.program.Program;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Finds the exception behind an "internal error". The commands catch every exception and print one
 * line without a stack (as they should), so the fuzzer runs the same steps again through the
 * compiler's API — check, compile, write the tree, write the stream — and catches what they throw,
 * to name the bug by its type and top frame.
 */
final class Replay {
  private Replay() {}

  /** The unexpected exception that checking and compiling {@code src} throws, or null if none does. */
  static Throwable thrown(Path src, Path scratch) {
    try {
      Program program = Frontend.check(src, new Workspace(Path.of("")));
      if (program.hasErrors()) {
        return null;
      }
      Compilation compilation = ManifestCompiler.compile(program);
      GitOpsLayout.write(compilation, scratch.resolve(compilation.name()));
      FlatLayout.write(compilation);
      return null;
    } catch (CompileRefusedException | IOException e) {
      return null;
    } catch (RuntimeException | Error e) {
      return e;
    }
  }
}
