package dev.clusterc.cli.run;

import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.CompileResult;
import dev.clusterc.compiler.api.CompiledCluster;
import dev.clusterc.compiler.api.Delivery;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.WorkingDirectory;
import java.util.List;
import java.util.Optional;

/**
 * The steps from a checked cluster to the objects {@code apply} sends, shared by a one-shot
 * {@code apply} and each revision of {@code apply --watch}: a cluster that names a GitOps engine is
 * refused unless applied directly, then it is compiled for {@link Delivery#DIRECT} (charts rendered),
 * then refused if a unit includes a SOPS-encrypted Secret (clusterc holds no key).
 */
public final class DirectCompile {
  /** The engine of {@code gitops clusterc}: clusterc's own runtime deploys the cluster, so it is applied directly. */
  public static final String SELF_DEPLOYED = "clusterc";

  private DirectCompile() {}

  /**
   * What compiling gave.
   *
   * @param cluster the compiled cluster, or {@code null} when it cannot be applied
   * @param diagnostics what the compile said (warnings with a cluster, errors without one)
   * @param refusal why a cluster that compiled (or a GitOps one) is not applied, with a hint; {@code null} when none
   */
  public record Result(CompiledCluster cluster, List<Diagnostic> diagnostics, String refusal) {
    public Optional<CompiledCluster> applicable() {
      return Optional.ofNullable(cluster);
    }
  }

  /**
   * Compiles {@code analysis} (which has no errors) for a direct apply.
   *
   * @param direct the user asked to apply a GitOps cluster's units directly ({@code --direct})
   * @param shownPath the cluster as the user named it, for the commands a refusal suggests
   * @param cwd the directory SOPS files are shown relative to
   */
  public static Result of(Analysis analysis, boolean direct, String shownPath, WorkingDirectory cwd) {
    Optional<String> engine = analysis.gitops().filter(e -> !e.equals(SELF_DEPLOYED));
    if (engine.isPresent() && !direct) {
      return new Result(null, List.of(), HandOver.refusal(engine.get(), analysis.clusterName().orElse("?"), shownPath));
    }
    CompileResult compiled = analysis.compile(Delivery.DIRECT);
    if (compiled.cluster().isEmpty()) {
      return new Result(null, compiled.diagnostics(), null);
    }
    Optional<String> sops = DirectDelivery.refusal(compiled.cluster().get(), cwd);
    return new Result(sops.isPresent() ? null : compiled.cluster().get(), compiled.diagnostics(), sops.orElse(null));
  }
}
