package dev.clusterc.compiler.api;

import dev.clusterc.compiler.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What compiling a cluster gave: the compiled cluster, or the diagnostics that stopped it (errors
 * of the analysis, or a compile refusal such as two units applying one object). Warnings come with
 * a compiled cluster too. Immutable.
 */
public final class CompileResult {
  private final List<Diagnostic> diagnostics;
  private final CompiledCluster cluster;

  CompileResult(List<Diagnostic> diagnostics, CompiledCluster cluster) {
    this.diagnostics = List.copyOf(diagnostics);
    this.cluster = cluster;
  }

  /** Every diagnostic, sorted by file and position, without duplicates. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The compiled cluster; empty exactly when a diagnostic is an error. */
  public Optional<CompiledCluster> cluster() {
    return Optional.ofNullable(cluster);
  }

  public boolean succeeded() {
    return cluster != null;
  }
}
