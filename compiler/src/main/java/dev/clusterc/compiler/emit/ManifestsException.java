package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.diag.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Raw {@code manifests} that cannot be emitted: a file that cannot be read, text that is not YAML,
 * or a document that is not a Kubernetes object. Carries one diagnostic per problem, pointing at
 * the {@code manifests} entry, for the driver to print like any other.
 */
public final class ManifestsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public ManifestsException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().map(d -> d + (d.hint() == null ? "" : " (" + d.hint() + ")")).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
