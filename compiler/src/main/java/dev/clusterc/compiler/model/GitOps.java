package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.schema.Property;
import dev.clusterc.compiler.schema.Schema;
import dev.clusterc.compiler.schema.Schemas;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.Duration;
import java.util.List;
import java.util.Map;

/**
 * The cluster's {@code gitops flux { … }} or {@code gitops argocd { … }} block, lowered once with the
 * schema's defaults ({@code branch}, {@code interval}, {@code decryption}, {@code namespace},
 * {@code project}), so that the checker of its entries, the Flux or Argo CD emitters, the tree's place
 * in the repository and the components' reconcile interval read one reading. Values the checker
 * points at keep their span ({@link Written}).
 *
 * @param engine what deploys the tree: {@link #FLUX} or {@link #ARGOCD}
 * @param engineSpan where the engine is written (the {@code gitops} key when it did not bind)
 * @param repository the {@code repository} as written, or {@code null} when missing (already reported)
 * @param branch the branch Flux follows
 * @param path the {@code path} as written, or {@code null} for the default place
 * @param interval how often Flux reconciles
 * @param decryption the Secret holding the age key SOPS files are decrypted with
 * @param secret the Secret holding the Git credentials, or {@code null} when not written
 * @param secretStated whether a {@code secret} entry is written, also one whose value did not bind
 * @param namespace the namespace Argo CD runs in, where its Applications live
 * @param project the Argo CD project the Applications belong to
 * @param ladder whether units wait for the lower layers ({@code ordering ladder}, the default) rather
 *     than only for what their real edges reach ({@code ordering edges}); Flux's {@code dependsOn} and
 *     Argo CD's sync waves both follow it
 */
public record GitOps(String engine, SourceSpan engineSpan, Written<String> repository, String branch, Written<String> path,
    Duration interval, Written<String> decryption, Written<String> secret, boolean secretStated, Written<String> namespace,
    Written<String> project, boolean ladder) {
  /** The engine Flux: Kustomizations, HelmReleases and a GitRepository. */
  public static final String FLUX = "flux";

  /** The engine Argo CD: one Application per unit, ordered by sync waves. */
  public static final String ARGOCD = "argocd";

  /** The entries only Flux reads: written under {@code gitops argocd}, they are refused. */
  public static final List<String> FLUX_ONLY = List.of("interval", "decryption", "secret");

  /** The entries only Argo CD reads: written under {@code gitops flux}, they are refused. */
  public static final List<String> ARGOCD_ONLY = List.of("namespace", "project");

  /** Whether Flux deploys the tree ({@code gitops flux}): GitRepository and Kustomizations, SOPS decryption. */
  public boolean isFlux() {
    return FLUX.equals(engine);
  }

  /** Whether Argo CD deploys the tree ({@code gitops argocd}): one Application per unit, in sync waves. */
  public boolean isArgoCd() {
    return ARGOCD.equals(engine);
  }

  /**
   * Lowers the {@code gitops} entry of a cluster: one written without its block (already reported)
   * lowers as an empty block, with the schema's defaults.
   */
  static GitOps of(BoundEntry entry) {
    BoundBlock block = entry.block() != null ? entry.block() : new BoundBlock(entry.entry().span(), schema(), Map.of());
    String engine = entry.sym("engine").orElse(FLUX);
    SourceSpan engineSpan = entry.get("engine").map(Typed::span).orElse(entry.entry().key().span());
    return new GitOps(engine, engineSpan, text(block, "repository"), block.str("branch").orElseThrow(), text(block, "path"),
        block.typed("interval", Typed.Dur.class).map(Typed.Dur::value).orElseGet(GitOps::defaultInterval),
        block.typed("decryption", Typed.Str.class).map(GitOps::written)
            .orElseGet(() -> Written.byDefault(block.str("decryption").orElseThrow())),
        text(block, "secret"), block.has("secret"), defaulted(block, "namespace"), defaulted(block, "project"),
        !"edges".equals(block.sym("ordering").orElse("ladder")));
  }

  /**
   * The schema's {@code interval}: what Flux objects use also when the cluster has no {@code gitops}
   * block (components are released by Flux in either case).
   */
  public static Duration defaultInterval() {
    Object interval = schema().property("interval").map(Property::defaultValue).orElseThrow();
    return Duration.ofSeconds(((java.time.Duration) interval).getSeconds());
  }

  private static Schema schema() {
    return Schemas.of(Kind.CLUSTER).property("gitops").map(Property::block).orElseThrow();
  }

  private static Written<String> defaulted(BoundBlock block, String key) {
    return block.typed(key, Typed.Str.class).map(GitOps::written)
        .orElseGet(() -> Written.byDefault(block.str(key).orElseThrow()));
  }

  private static Written<String> text(BoundBlock block, String key) {
    return block.typed(key, Typed.Str.class).map(GitOps::written).orElse(null);
  }

  private static Written<String> written(Typed.Str value) {
    return new Written<>(value.value(), value.span());
  }
}
