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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cluster's {@code gitops flux { … }}, {@code gitops argocd { … }} or {@code gitops clusterc { … }}
 * block, lowered once with the schema's defaults ({@code branch}, {@code interval}, {@code decryption},
 * {@code namespace}, {@code project}, {@code replicas}), so that the checker of its entries, the Flux or Argo CD emitters, the tree's place
 * in the repository and the components' reconcile interval read one reading. Values the checker
 * points at keep their span ({@link Written}).
 *
 * @param engine what deploys the tree: {@link #FLUX}, {@link #ARGOCD} or {@link #CLUSTERC}
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
 * @param image the clusterc image the in-cluster runtime runs ({@code gitops clusterc}), or {@code null} when not written
 * @param replicas how many runtime replicas run, one of them leading ({@code gitops clusterc})
 * @param credentials {@code token} or {@code ssh}: which keys of {@code secret} the runtime reads, or {@code null}
 *     when not written (then the repository's scheme decides)
 */
public record GitOps(String engine, SourceSpan engineSpan, Written<String> repository, String branch, Written<String> path,
    Duration interval, Written<String> decryption, Written<String> secret, boolean secretStated, Written<String> namespace,
    Written<String> project, boolean ladder, Written<String> image, Written<Long> replicas, Written<String> credentials) {
  /** The engine Flux: Kustomizations, HelmReleases and a GitRepository. */
  public static final String FLUX = "flux";

  /** The engine Argo CD: one Application per unit, ordered by sync waves. */
  public static final String ARGOCD = "argocd";

  /** The engine clusterc itself: its runtime runs in the cluster and applies the sources it reads from Git. */
  public static final String CLUSTERC = "clusterc";

  /**
   * The entries that not every engine reads, and the engines that do: written under another engine,
   * they are refused. The other entries ({@code repository}, {@code branch}, {@code path},
   * {@code ordering}) every engine reads.
   */
  public static final Map<String, List<String>> READERS = readers();

  private static Map<String, List<String>> readers() {
    Map<String, List<String>> readers = new LinkedHashMap<>();
    readers.put("interval", List.of(FLUX));
    readers.put("decryption", List.of(FLUX));
    readers.put("secret", List.of(FLUX, CLUSTERC));
    readers.put("namespace", List.of(ARGOCD));
    readers.put("project", List.of(ARGOCD));
    readers.put("image", List.of(CLUSTERC));
    readers.put("replicas", List.of(CLUSTERC));
    readers.put("credentials", List.of(CLUSTERC));
    return Collections.unmodifiableMap(readers);
  }

  /** Whether Flux deploys the tree ({@code gitops flux}): GitRepository and Kustomizations, SOPS decryption. */
  public boolean isFlux() {
    return FLUX.equals(engine);
  }

  /** Whether Argo CD deploys the tree ({@code gitops argocd}): one Application per unit, in sync waves. */
  public boolean isArgoCd() {
    return ARGOCD.equals(engine);
  }

  /** Whether clusterc's own runtime deploys the cluster from inside it ({@code gitops clusterc}). */
  public boolean isClusterc() {
    return CLUSTERC.equals(engine);
  }

  /** {@code USER@HOST:PATH}, the scp form git, JGit and Argo CD clone over SSH. */
  public static final Pattern SCP = Pattern.compile("[^@/:\\s]+@[^@/:\\s]+:(?!//)\\S+");

  /** Whether the repository is reached over SSH: {@code ssh://} or the scp form; {@code false} when it is missing. */
  public boolean overSsh() {
    String url = repository == null ? "" : repository.value();
    return url.startsWith("ssh://") || (!url.contains("://") && SCP.matcher(url).matches());
  }

  /**
   * Which keys of {@code secret} clusterc's runtime reads: {@code token} or {@code ssh}, as written,
   * else by the repository's scheme; {@code null} without a {@code secret}.
   */
  public String credentialKeys() {
    if (secret == null) {
      return null;
    }
    return credentials != null ? credentials.value() : overSsh() ? "ssh" : "token";
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
        !"edges".equals(block.sym("ordering").orElse("ladder")), text(block, "image"),
        block.typed("replicas", Typed.Int.class).map(Written::of)
            .orElseGet(() -> Written.byDefault(block.integer("replicas").orElseThrow())),
        block.typed("credentials", Typed.Sym.class).map(s -> new Written<>(s.value(), s.span())).orElse(null));
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
