package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Secret;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;

/**
 * A {@code sops} secret in a cluster without {@code gitops}: Flux's kustomize-controller is what
 * decrypts SOPS files, and without it the unit's {@code kubectl apply -k} would send the encrypted
 * document as it is. A warning ({@code undecrypted-secret}), not an error: a user may decrypt the
 * file by hand (the flat stream says how), but must be told. The hint names the sources that work
 * without Flux. Under {@code gitops argocd}, where nobody applies by hand, the same case is an error
 * of {@link GitOpsChecker}.
 */
public final class SopsWithoutGitOpsChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    Decl cluster = program.cluster().orElse(null);
    if (cluster == null || cluster.body() == null || cluster.body().first("gitops").isPresent()) {
      return;
    }
    for (Decl decl : program.decls(Kind.SECRET)) {
      if (decl.isStd()) {
        continue;
      }
      for (Secret.Source source : Secret.of(program.model(), decl).sources()) {
        if (source instanceof Secret.Sops) {
          report.accept(Sites.placed(program, decl, Diagnostic.warning(Code.UNDECRYPTED_SECRET, source.span(),
                  decl.label() + " is a SOPS file, and nothing in " + cluster.label() + " decrypts it: without `gitops`"
                      + " its units are applied with `kubectl apply -k`, which would send the encrypted document as it is: decrypt it by hand (`sops --decrypt`) before its unit is applied")
              .withHint("for a cluster whose output is never committed use `env-file PATH`; otherwise seal it"
                  + " (`sealed PATH`, opened by the controller in the cluster), read it from a store (`external STORE key KEY`),"
                  + " or add `gitops flux { … }`, whose controller decrypts SOPS files")));
        }
      }
    }
  }
}
