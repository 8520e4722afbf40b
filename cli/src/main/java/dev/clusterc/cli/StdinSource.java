package dev.clusterc.cli;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.load.SourceReader;
import dev.clusterc.compiler.load.Workspace;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code clusterc check -}: one cluster file read from standard input. Its text is laid over the
 * workspace as the file {@code <stdin>} in the working directory, so diagnostics name it
 * {@code <stdin>}, as {@code fmt -} does, and its imports resolve against the working directory.
 */
final class StdinSource {
  /** What stands for standard input on the command line. */
  static final String NAME_ON_COMMAND_LINE = "-";
  /** How diagnostics name standard input. */
  static final String DISPLAY = "<stdin>";

  /**
   * One of: a root to check ({@code path}), a diagnostic saying why the bytes are not a source
   * ({@code problem}: binary, not UTF-8), or a failure to read them ({@code failure}).
   */
  record Read(Path path, Diagnostic problem, Failure failure) {}

  private StdinSource() {}

  static Read read(Terminal terminal, Workspace workspace) {
    byte[] bytes;
    try {
      bytes = terminal.stdin().readNBytes((int) SourceReader.MAX_BYTES + 1);
    } catch (IOException e) {
      return new Read(null, null, Failure.of(DISPLAY, e));
    }
    if (bytes.length > SourceReader.MAX_BYTES) {
      return new Read(null, null, new Failure(DISPLAY,
          "more than " + SourceReader.MAX_BYTES / (1024 * 1024) + " MiB, too large to be a cluster source",
          "split the cluster over several files in one directory"));
    }
    SourceReader.Read read = SourceReader.decode(bytes, DISPLAY);
    if (read.problem().isPresent()) {
      return new Read(null, read.problem().get(), null);
    }
    Path path = Path.of("").toAbsolutePath().resolve(DISPLAY);
    workspace.overlay(path, read.file().text());
    return new Read(path, null, null);
  }
}
