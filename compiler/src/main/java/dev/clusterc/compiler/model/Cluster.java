package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.Optional;

/**
 * {@code cluster}, lowered: its domain, its timezone, its address plan and its GitOps settings.
 * The layer ladder is the model's ({@link ClusterModel#ladder()}).
 *
 * @param domain the cluster domain as written, or {@code null}
 * @param domainSpan where the domain is written, or {@code null}
 * @param timezone the timezone as written, or {@code null}
 * @param network the address plan, with the schema's defaults for pods and services
 * @param gitops the {@code gitops flux} settings, or {@code null} when the cluster has none
 */
public record Cluster(Decl decl, String domain, SourceSpan domainSpan, String timezone, NetworkPlan network, GitOps gitops) {

  public static Cluster of(ClusterModel model, Decl decl) {
    return model.lowered(decl, Cluster.class, Cluster::lower);
  }

  /** The cluster of the model, when it declares one. */
  public static Optional<Cluster> of(ClusterModel model) {
    return model.cluster().map(decl -> of(model, decl));
  }

  private static Cluster lower(Decl decl) {
    BoundBlock body = decl.body();
    Typed.Str domain = body == null ? null : body.typed("domain", Typed.Str.class).orElse(null);
    String timezone = body == null ? null : body.str("timezone").orElse(null);
    GitOps gitops = body == null ? null : body.first("gitops").map(GitOps::of).orElse(null);
    return new Cluster(decl, domain == null ? null : domain.value(), domain == null ? null : domain.span(), timezone,
        NetworkPlan.of(decl), gitops);
  }
}
