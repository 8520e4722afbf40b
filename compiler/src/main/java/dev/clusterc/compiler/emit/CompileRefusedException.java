package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.diag.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A checked cluster whose emitted objects still cannot be deployed: two units would apply one
 * object. Only emitting shows it, so the driver of {@code check} compiles in memory too and
 * prints these diagnostics like any other.
 */
public final class CompileRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public CompileRefusedException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
