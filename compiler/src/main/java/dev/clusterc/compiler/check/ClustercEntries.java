package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.GitOps;
import dev.clusterc.compiler.model.Written;
import java.util.function.Consumer;

/**
 * The entries of {@code gitops clusterc { … }} as clusterc's in-cluster runtime reads them
 * ({@link GitOpsChecker} checks what every engine shares): a {@code repository} JGit clones
 * ({@code https://}, {@code http://}, {@code ssh://} or the scp form {@code git@HOST:PATH}), the
 * {@code image} the runtime's Deployment runs (there is no default: no image is built or chosen
 * here), at least one replica, and {@code credentials} that agree with the repository's scheme and
 * name a {@code secret} to read them from.
 */
final class ClustercEntries {
  private ClustercEntries() {}

  static void check(Decl cluster, GitOps gitops, Consumer<Diagnostic> report) {
    Written<String> repository = gitops.repository();
    if (repository != null && !GitOpsChecker.URL.matcher(repository.value()).matches() && !GitOps.SCP.matcher(repository.value()).matches()) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, repository.span(), "the repository `" + repository.value()
              + "` is not a Git URL clusterc's runtime can clone: it starts with https://, http:// or ssh://,"
              + " or is written `git@HOST:PATH`")
          .withHint("write an `https://HOST/PATH` or `ssh://git@HOST/PATH` URL"));
    }
    if (gitops.image() == null) {
      report.accept(Diagnostic.error(Code.MISSING_PROPERTY, gitops.engineSpan(), "`gitops clusterc` has no `image`:"
              + " the runtime's Deployment needs the clusterc image to run")
          .withHint("add `image \"REGISTRY/clusterc:VERSION\"`, an image of the clusterc you compile with; none is"
              + " built or chosen for you"));
    } else if (gitops.image().value().isBlank() || gitops.image().value().chars().anyMatch(Character::isWhitespace)) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, gitops.image().span(), "`" + gitops.image().value()
              + "` is not an image reference")
          .withHint("write `REGISTRY/clusterc:VERSION`, without spaces"));
    }
    Written<Long> replicas = gitops.replicas();
    if (replicas.isWritten() && replicas.value() < 1) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, replicas.span(), "the runtime has " + replicas.value()
              + " replicas; it needs at least 1")
          .withHint("write `replicas 2` (the default): one leads, the other takes over when it stops"));
    }
    credentials(gitops, report);
  }

  /** {@code credentials} needs a {@code secret}, and must suit the scheme; an SSH repository needs a key. */
  private static void credentials(GitOps gitops, Consumer<Diagnostic> report) {
    Written<String> credentials = gitops.credentials();
    String url = gitops.repository() == null ? "" : gitops.repository().value();
    boolean overSsh = gitops.overSsh();
    boolean overHttp = url.startsWith("https://") || url.startsWith("http://");
    if (credentials == null) {
      if (overSsh && !gitops.secretStated()) {
        report.accept(Diagnostic.warning(Code.INVALID_VALUE, gitops.repository().span(),
                "clusterc's runtime clones an SSH repository only with a key, and no `secret` names one")
            .withHint("add `secret \"clusterc-git\"` and create it in clusterc-system with the keys `identity` and"
                + " `known_hosts`"));
      }
      return;
    }
    if (!gitops.secretStated()) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, credentials.span(), "`credentials " + credentials.value()
              + "` says which keys of the Git credentials' Secret the runtime reads, and no `secret` names one")
          .withHint("add `secret \"clusterc-git\"`, a Secret you create in clusterc-system, or remove `credentials`"));
      return;
    }
    if (credentials.value().equals("token") && overSsh) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, credentials.span(), "`credentials token` is read over HTTPS,"
              + " and the repository `" + url + "` is reached over SSH")
          .withHint("write `credentials ssh` (the Secret's keys `identity` and `known_hosts`), or an https:// repository"));
    } else if (credentials.value().equals("ssh") && overHttp) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, credentials.span(), "`credentials ssh` is a key for SSH,"
              + " and the repository `" + url + "` is reached over HTTP")
          .withHint("write `credentials token` (the Secret's key `token`), or an ssh:// repository"));
    }
  }
}
