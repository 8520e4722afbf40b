package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.diag.Diagnostic;
import java.util.List;

/**
 * The file of a {@code secret … sops PATH} / {@code sealed PATH} cannot be used as it is: it is
 * missing, is no Kubernetes object of the right kind and name, lacks a declared key, or is bound to
 * a namespace other than one where the secret is read. Thrown by {@link SecretEmitter} before it
 * adds anything; the compiler collects {@link #diagnostics()} ({@code invalid-value} at the
 * {@code sops}/{@code sealed} entry) of every declaration, so every problem is reported in one run.
 */
public final class SecretFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  SecretFileException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "secret file problem" : diagnostics.get(0).message());
    this.diagnostics = List.copyOf(diagnostics);
  }

  SecretFileException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
