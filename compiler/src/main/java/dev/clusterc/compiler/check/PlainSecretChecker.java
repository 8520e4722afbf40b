package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Secret;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code secret … env-file PATH} makes a plain Secret, values and all, for an environment whose
 * output is applied ({@code kubectl apply -k}) and never committed. A cluster with a {@code gitops}
 * block commits its output to Git, so there it is refused: {@code invalid-value}, which
 * {@code allow} cannot accept (a plaintext secret in Git cannot be taken back).
 */
public final class PlainSecretChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    Optional<BoundEntry> gitops = program.cluster().filter(c -> c.body() != null).flatMap(c -> c.body().first("gitops"));
    if (gitops.isEmpty()) {
      return;
    }
    Decl cluster = program.cluster().get();
    for (Decl decl : program.decls(Kind.SECRET)) {
      Secret.of(program.model(), decl).envFile().ifPresent(envFile -> report.accept(Diagnostic.error(Code.INVALID_VALUE,
              envFile.span(), decl.label() + " would be a plain Secret, values and all, but " + cluster.label()
                  + " is committed to Git (`gitops`)")
          .withHint("in a cluster in Git, keep the secret encrypted: `sops PATH`, `sealed PATH` or `external STORE key KEY`; "
              + "`env-file` is for a cluster without `gitops`, whose output is applied and never committed")
          .withRelated(gitops.get().entry().key().span(), "the cluster's `gitops` is here")));
    }
  }
}
