package dev.clusterc.cli;

import dev.clusterc.compiler.api.Documents;
import dev.clusterc.compiler.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code clusterc check -}: one cluster file read from standard input. Its text is laid over the
 * cluster as the file {@code <stdin>} in the working directory, so diagnostics name it
 * {@code <stdin>}, as {@code fmt -} does, and its imports resolve against the working directory.
 */
final class StdinSource {
  /** What stands for standard input on the command line. */
  static final String NAME_ON_COMMAND_LINE = "-";
  /** How diagnostics name standard input. */
  static final String DISPLAY = "<stdin>";

  /**
   * One of: a root to check ({@code path}) with the text to overlay there, a diagnostic saying why
   * the bytes are not a source ({@code problem}: binary, not UTF-8), or a failure to read them
   * ({@code failure}).
   */
  record Read(Path path, String text, Diagnostic problem, Failure failure) {}

  private StdinSource() {}

  static Read read(Terminal terminal) {
    byte[] bytes;
    try {
      bytes = terminal.stdin().readNBytes((int) Documents.MAX_BYTES + 1);
    } catch (IOException e) {
      return new Read(null, null, null, Failure.of(DISPLAY, e));
    }
    if (bytes.length > Documents.MAX_BYTES) {
      return new Read(null, null, null, new Failure(DISPLAY,
          "more than " + Documents.MAX_BYTES / (1024 * 1024) + " MiB, too large to be a cluster source",
          "split the cluster over several files in one directory"));
    }
    Documents.Read read = Documents.decode(bytes, DISPLAY);
    if (read.problem().isPresent()) {
      return new Read(null, null, read.problem().get(), null);
    }
    return new Read(Path.of("").toAbsolutePath().resolve(DISPLAY), read.file().text(), null, null);
  }
}
