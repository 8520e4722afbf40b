package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceSpan;
import java.nio.file.Path;

/**
 * A {@code secret … sops PATH} or {@code sealed PATH} whose file does not exist (or is not a regular
 * file). Thrown by {@link SecretEmitter} before it adds anything; the compiler catches it per
 * declaration and reports {@link #diagnostic()} ({@code invalid-value} at the {@code sops}/{@code sealed}
 * entry), so every missing file of a cluster is reported in one run.
 */
public final class SecretFileMissingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Diagnostic diagnostic;

  SecretFileMissingException(String secret, String written, SourceSpan entry, Path resolved, String declaringFile) {
    super(entry.file().path() + ":" + entry.begin() + ": secret `" + secret + "`: file `" + written + "` does not exist");
    this.diagnostic = Diagnostic.error(Code.INVALID_VALUE, entry,
            "secret `" + secret + "`: file `" + written + "` does not exist")
        .withHint("looked for " + resolved + "; the path is relative to the directory of " + declaringFile);
  }

  /** The diagnostic to report: {@code FILE:LINE:COL: error[invalid-value]: secret `NAME`: file `PATH` does not exist}. */
  public Diagnostic diagnostic() {
    return diagnostic;
  }
}
