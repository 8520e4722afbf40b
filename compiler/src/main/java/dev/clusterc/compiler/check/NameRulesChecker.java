package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.NameRules;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code invalid-value} for names that become Kubernetes names: node, app, volume and database names
 * and every {@code namespace} must be DNS-1123 labels, or the API server refuses the objects made
 * from them. The hint spells the nearest valid label. With {@code gitops flux} the cluster's name
 * names its GitRepository in {@code flux-system}: a label too, and not {@code flux-system}, the name
 * of the GitRepository that {@code flux bootstrap} made, which it would replace. A store may not be
 * named {@code database-NAME} after a database: that is the ClusterSecretStore the database's
 * credentials copy makes (§6.13), which the store would fight over. The rule itself is
 * {@link NameRules}'.
 */
public final class NameRulesChecker implements Checker {
  /** Every declaration but the cluster becomes a Kubernetes object (or a node's name). */
  private static final Set<Kind> NAMED = EnumSet.complementOf(EnumSet.of(Kind.CLUSTER));
  private static final String FLUX_SYSTEM = "flux-system";

  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    program.cluster().filter(c -> Cluster.of(program.model(), c).gitops() != null && c.source().name() != null)
        .ifPresent(cluster -> {
          if (Cluster.of(program.model(), cluster).gitops().isFlux()) {
            gitRepository(cluster, report);
          } else if (Cluster.of(program.model(), cluster).gitops().isClusterc()) {
            label(cluster.name(), cluster.source().name().span(),
                "the name of " + cluster.label() + " (which names its runtime's Lease and ClusterRole)", report);
          } else {
            label(cluster.name(), cluster.source().name().span(),
                "the name of " + cluster.label() + " (which names its root Argo CD Application)", report);
          }
        });
    for (Decl store : program.decls(Kind.STORE)) {
      for (Decl database : program.decls(Kind.DATABASE)) {
        if (store.name().equals("database-" + database.name())) {
          report.accept(Diagnostic.error(Code.INVALID_VALUE, store.site(), store.label() + " has the name of the ClusterSecretStore "
                  + "that " + database.label() + " makes to copy its credentials to other namespaces")
              .withHint("give the store another name")
              .withRelated(database.site(), database.label() + " is declared here"));
        }
      }
    }
    for (Decl decl : program.decls()) {
      if (decl.isStd() || decl.body() == null) {
        continue;
      }
      Consumer<Diagnostic> placed = found -> report.accept(Sites.placed(program, decl, found));
      if (NAMED.contains(decl.kind()) && decl.source().name() != null) {
        label(decl.name(), decl.source().name().span(), "the name of " + decl.label(), placed);
      }
      decl.body().typed("namespace", Typed.Sym.class)
          .ifPresent(ns -> label(ns.value(), ns.span(), "the namespace `" + ns.value() + "` of " + decl.label(), placed));
    }
  }

  private static void gitRepository(Decl cluster, Consumer<Diagnostic> report) {
    if (cluster.name().equals(FLUX_SYSTEM)) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, cluster.source().name().span(), "cluster `" + FLUX_SYSTEM
              + "` would replace the GitRepository `" + FLUX_SYSTEM + "` that `flux bootstrap` made: with `gitops flux`, "
              + "the cluster's GitRepository in namespace " + FLUX_SYSTEM + " takes the cluster's name")
          .withHint("give the cluster another name"));
      return;
    }
    label(cluster.name(), cluster.source().name().span(),
        "the name of " + cluster.label() + " (the name of its Flux GitRepository)", report);
  }

  private static void label(String text, SourceSpan span, String what, Consumer<Diagnostic> report) {
    String problem = NameRules.problem(text);
    if (problem == null) {
      return;
    }
    report.accept(Diagnostic.error(Code.INVALID_VALUE, span, what + " is not a valid Kubernetes name: " + problem)
        .withHint("write `" + NameRules.suggest(text) + "`"));
  }
}
