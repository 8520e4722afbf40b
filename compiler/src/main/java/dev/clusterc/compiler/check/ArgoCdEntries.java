package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.files.KubernetesNames;
import dev.clusterc.compiler.model.GitOps;
import dev.clusterc.compiler.model.Secret;
import dev.clusterc.compiler.model.Written;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The entries of {@code gitops argocd { … }} as Argo CD reads them ({@link GitOpsChecker} checks
 * what both engines share): a {@code repository} Argo CD can clone ({@code https://},
 * {@code http://}, {@code ssh://} or the scp form {@code git@HOST:PATH}), a {@code namespace} that
 * is a namespace name, a {@code project} that is an object name, and no {@code sops} secret in the
 * cluster: Argo CD renders manifests without decrypting them, so a SOPS file would reach the API
 * server encrypted (or be refused by it). Sealed and external secrets work as they are.
 */
final class ArgoCdEntries {
  /** {@code [USER@]HOST:PATH} with a user, the scp form Argo CD's Git client accepts. */
  private static final Pattern SCP = Pattern.compile("[^@/:\\s]+@[^@/:\\s]+:(?!//)\\S+");

  private ArgoCdEntries() {}

  static void check(Program program, GitOps gitops, Consumer<Diagnostic> report) {
    Written<String> repository = gitops.repository();
    if (repository != null && !GitOpsChecker.URL.matcher(repository.value()).matches() && !SCP.matcher(repository.value()).matches()) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, repository.span(), "the repository `" + repository.value()
              + "` is not a Git URL Argo CD can clone: it starts with https://, http:// or ssh://, or is written `git@HOST:PATH`")
          .withHint("write an `https://HOST/PATH` or `ssh://git@HOST/PATH` URL"));
    }
    name(gitops.namespace(), "namespace", true, report);
    name(gitops.project(), "project", false, report);
    for (Decl decl : program.decls(Kind.SECRET)) {
      if (decl.isStd()) {
        continue;
      }
      Secret secret = Secret.of(program.model(), decl);
      for (Secret.Source source : secret.sources()) {
        if (source instanceof Secret.Sops) {
          report.accept(Sites.placed(program, decl, Diagnostic.error(Code.INVALID_VALUE, source.span(),
                  decl.label() + " is a SOPS file, and Argo CD, which deploys this cluster, decrypts no SOPS files:"
                      + " the encrypted document would be applied as it is")
              .withHint("seal it instead (`sealed \"FILE\"`, made with kubeseal) or read it from a store"
                  + " (`external STORE key KEY`)")
              .withRelated(gitops.engineSpan(), "the cluster is deployed by Argo CD here")));
        }
      }
    }
  }

  private static void name(Written<String> name, String entry, boolean label, Consumer<Diagnostic> report) {
    if (!name.isWritten()) {
      return;
    }
    String text = name.value();
    if (label ? KubernetesNames.isLabel(text) : KubernetesNames.isSubdomain(text)) {
      return;
    }
    report.accept(Diagnostic.error(Code.INVALID_VALUE, name.span(), "`" + entry + "` names " + (label ? "a namespace" : "an"
            + " Argo CD project") + ", and `" + text + "` is not a valid Kubernetes name")
        .withHint("use lower-case letters, digits" + (label ? "" : ", `.`") + " and `-`, e.g. `"
            + NameRulesChecker.suggest(text) + "`"));
  }
}
