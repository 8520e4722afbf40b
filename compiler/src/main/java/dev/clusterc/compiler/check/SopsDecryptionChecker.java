package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.GitOps;
import dev.clusterc.compiler.model.Secret;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;

/**
 * A {@code sops} secret needs something to decrypt it, and only Flux's kustomize-controller does
 * ({@code gitops flux}). Elsewhere the encrypted document would be applied as it is:
 * <ul>
 *   <li>under {@code gitops argocd}, which renders manifests without decrypting them and which
 *   nobody applies by hand, and under {@code gitops clusterc}, whose runtime applies what it reads
 *   from Git, it is an error ({@code invalid-value});</li>
 *   <li>without {@code gitops}, where the units are applied with {@code kubectl apply -k}, it is a
 *   warning ({@code undecrypted-secret}): a user may decrypt the file by hand (the flat stream says
 *   how), but must be told.</li>
 * </ul>
 * The hint names the sources that need no decryption in the cluster.
 */
public final class SopsDecryptionChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    Decl cluster = program.cluster().orElse(null);
    if (cluster == null || cluster.isStd() || cluster.body() == null) {
      return;
    }
    GitOps gitops = Cluster.of(program.model(), cluster).gitops();
    if (gitops != null && gitops.isFlux()) {
      return;
    }
    for (Decl decl : program.decls(Kind.SECRET)) {
      if (decl.isStd()) {
        continue;
      }
      for (Secret.Source source : Secret.of(program.model(), decl).sources()) {
        if (source instanceof Secret.Sops) {
          report.accept(Sites.placed(program, decl, gitops == null ? withoutGitOps(cluster, decl, source)
              : underArgoCd(gitops, decl, source)));
        }
      }
    }
  }

  private static Diagnostic underArgoCd(GitOps gitops, Decl decl, Secret.Source source) {
    String engine = gitops.isClusterc() ? "clusterc's runtime" : "Argo CD";
    return Diagnostic.error(Code.INVALID_VALUE, source.span(),
            decl.label() + " is a SOPS file, and " + engine + ", which deploys this cluster, decrypts no SOPS files:"
                + " the encrypted document would be applied as it is")
        .withHint("seal it instead (`sealed \"FILE\"`, made with kubeseal) or read it from a store"
            + " (`external STORE key KEY`)")
        .withRelated(gitops.engineSpan(), "the cluster is deployed by " + engine + " here");
  }

  private static Diagnostic withoutGitOps(Decl cluster, Decl decl, Secret.Source source) {
    return Diagnostic.warning(Code.UNDECRYPTED_SECRET, source.span(),
            decl.label() + " is a SOPS file, and nothing in " + cluster.label() + " decrypts it: without `gitops`"
                + " its units are applied with `kubectl apply -k`, which would send the encrypted document as it is:"
                + " decrypt it by hand (`sops --decrypt`) before its unit is applied")
        .withHint("for a cluster whose output is never committed use `env-file PATH`; otherwise seal it"
            + " (`sealed PATH`, opened by the controller in the cluster), read it from a store (`external STORE key KEY`),"
            + " or add `gitops flux { … }`, whose controller decrypts SOPS files");
  }
}
