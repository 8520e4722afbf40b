package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.files.KubernetesNames;
import dev.clusterc.compiler.model.GitOps;
import dev.clusterc.compiler.model.Written;
import dev.clusterc.compiler.rules.NameRules;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The entries of {@code gitops argocd { … }} as Argo CD reads them ({@link GitOpsChecker} checks
 * what both engines share): a {@code repository} Argo CD can clone ({@code https://},
 * {@code http://}, {@code ssh://} or the scp form {@code git@HOST:PATH}), a {@code namespace} that
 * is a namespace name and a {@code project} that is an object name. That Argo CD decrypts no
 * {@code sops} secret is {@link SopsDecryptionChecker}'s, beside the same case without {@code gitops}.
 */
final class ArgoCdEntries {
  /** {@code [USER@]HOST:PATH} with a user, the scp form Argo CD's Git client accepts. */
  private static final Pattern SCP = Pattern.compile("[^@/:\\s]+@[^@/:\\s]+:(?!//)\\S+");

  private ArgoCdEntries() {}

  static void check(GitOps gitops, Consumer<Diagnostic> report) {
    Written<String> repository = gitops.repository();
    if (repository != null && !GitOpsChecker.URL.matcher(repository.value()).matches() && !SCP.matcher(repository.value()).matches()) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, repository.span(), "the repository `" + repository.value()
              + "` is not a Git URL Argo CD can clone: it starts with https://, http:// or ssh://, or is written `git@HOST:PATH`")
          .withHint("write an `https://HOST/PATH` or `ssh://git@HOST/PATH` URL"));
    }
    name(gitops.namespace(), "namespace", true, report);
    name(gitops.project(), "project", false, report);
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
            + NameRules.suggest(text) + "`"));
  }
}
