package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.files.KubernetesNames;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.GitOps;
import dev.clusterc.compiler.model.Written;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.NameRules;
import dev.clusterc.compiler.rules.TreePath;
import dev.clusterc.compiler.schema.Kind;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entries of {@code gitops flux { … }} as Flux will read them: a {@code repository} URL that
 * the GitRepository's own schema accepts ({@code ^(http|https|ssh)://.*$}, so the scp form
 * {@code git@HOST:PATH} is refused with its {@code ssh://} spelling as the hint), a {@code path}
 * that stays inside the repository, {@code decryption} and {@code secret} that are Secret names, and
 * a key for an {@code ssh://} repository. The cluster's name, which names the GitRepository, is
 * {@link NameRulesChecker}'s.
 *
 * <p>Under {@code gitops clusterc { … }}, {@code path} is where the cluster's sources are in the
 * repository, which may be its root; the entries only clusterc's runtime reads are
 * {@link ClustercEntries}'s.
 *
 * <p>Under {@code gitops argocd { … }}: Argo CD clones the scp form too, and its repository
 * credentials are declared to Argo CD, not named here; the entries only the other engine reads are
 * refused ({@link GitOps#FLUX_ONLY}, {@link GitOps#ARGOCD_ONLY}), {@code namespace} and
 * {@code project} must be Kubernetes names ({@link ArgoCdEntries}); that Argo CD decrypts no
 * {@code sops} secret is {@link SopsDecryptionChecker}'s.
 */
public final class GitOpsChecker implements Checker {
  /** A URL both engines clone: {@code http://}, {@code https://} or {@code ssh://} and a host. */
  static final Pattern URL = Pattern.compile("(http|https|ssh)://[^\\s/]+.*");
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://.*");
  /** {@code [USER@]HOST:PATH}, the form git and ssh accept and a URL parser does not. */
  private static final Pattern SCP = Pattern.compile("(?:([^@/:\\s]+)@)?([^@/:\\s]+):(?!//)(\\S+)");

  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    Decl cluster = program.cluster().orElse(null);
    if (cluster == null || cluster.isStd() || cluster.body() == null) {
      return;
    }
    GitOps gitops = Cluster.of(program.model(), cluster).gitops();
    if (gitops == null) {
      return;
    }
    otherEngine(cluster, gitops, report);
    if (gitops.isArgoCd()) {
      ArgoCdEntries.check(gitops, report);
    } else if (gitops.isClusterc()) {
      ClustercEntries.check(cluster, gitops, report);
    } else if (gitops.repository() != null) {
      repository(gitops.repository(), gitops, report);
    }
    if (gitops.path() != null) {
      path(gitops.path(), cluster, gitops.isClusterc(), report);
    }
    if (gitops.isFlux() && gitops.decryption().isWritten()) {
      secretName(gitops.decryption(), "decryption", report);
    }
    Written<String> name = gitops.secret();
    if (name != null && !gitops.isArgoCd()) {
      secretName(name, "secret", report);
      String reader = gitops.isFlux() ? "Flux" : "clusterc's runtime";
      String hint = gitops.isFlux()
          ? "create the credentials in flux-system by hand (`flux create secret git`), or name `flux-system`,"
              + " the secret `flux bootstrap` creates"
          : "create the credentials in clusterc-system by hand (`kubectl create secret generic " + name.value()
              + " -n clusterc-system --from-file=…`)";
      program.decls(Kind.SECRET).stream().filter(s -> !s.isStd() && s.name().equals(name.value())).findFirst()
          .ifPresent(declared -> report.accept(Diagnostic.warning(Code.INVALID_VALUE, name.span(),
                  "the Git credentials cannot be " + declared.label() + ": " + reader + " needs them to read the repository,"
                      + " and reads " + declared.label() + " from it")
              .withHint(hint)
              .withRelated(declared.site(), declared.label() + " is declared here")));
    }
  }

  /** An entry that only other engines read would be silently ignored: refused, naming the engines that read it. */
  private static void otherEngine(Decl cluster, GitOps gitops, Consumer<Diagnostic> report) {
    var block = cluster.body().first("gitops").map(e -> e.block()).orElse(null);
    if (block == null) {
      return;
    }
    GitOps.READERS.forEach((key, readers) -> {
      if (readers.contains(gitops.engine())) {
        return;
      }
      String by = String.join(" and ", readers.stream().map(r -> "`gitops " + r + "`").toList());
      block.all(key).forEach(entry -> report.accept(Diagnostic.error(Code.INVALID_VALUE, entry.entry().key().span(),
              "`" + key + "` is read only by " + by + ", and this cluster is deployed by `gitops " + gitops.engine() + "`")
          .withHint(hint(key, gitops))));
    });
  }

  private static String hint(String key, GitOps gitops) {
    if (gitops.isClusterc()) {
      return switch (key) {
        case "interval" -> "remove it: clusterc's runtime polls the repository at its own interval (`clusterc apply --watch`)";
        case "decryption" -> "remove it: clusterc's runtime decrypts no SOPS files; use `sealed` or `external` secrets";
        default -> "remove it: clusterc's runtime runs in clusterc-system and has no projects";
      };
    }
    return switch (key) {
      case "interval" -> "remove it: Argo CD polls every repository at its own `timeout.reconciliation` (argocd-cm, 3m by default)";
      case "decryption" -> "remove it: Argo CD decrypts no SOPS files; use `sealed` or `external` secrets";
      case "secret" -> "remove it: give Argo CD the repository's credentials with `argocd repo add`, as `compile` lists in its next steps";
      case "image", "replicas", "credentials" -> "remove it, or write `gitops clusterc { … }` to have clusterc's own runtime"
          + " deploy the cluster from inside it";
      default -> "remove it: Flux runs in flux-system and has no projects";
    };
  }

  private static void repository(Written<String> url, GitOps gitops, Consumer<Diagnostic> report) {
    String text = url.value();
    if (URL.matcher(text).matches()) {
      if (text.startsWith("ssh://") && !gitops.secretStated()) {
        report.accept(Diagnostic.warning(Code.INVALID_VALUE, url.span(),
                "Flux clones an ssh:// repository only with a key, and no `secret` names one")
            .withHint("add `secret \"flux-system\"` to reuse the key `flux bootstrap` stores, or name a secret made with"
                + " `flux create secret git`"));
      }
      return;
    }
    Matcher scp = SCP.matcher(text);
    if (!text.contains("://") && scp.matches() && scp.group(1) == null && scp.group(3).matches("[0-9]+(/.*)?")) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, url.span(), "the repository `" + text + "` has no scheme:"
              + " a GitRepository's url starts with http://, https:// or ssh://")
          .withHint("write `https://" + text + "` (or `ssh://" + text + "`)"));
      return;
    }
    if (!text.contains("://") && scp.matches()) {
      String user = scp.group(1) == null ? "" : scp.group(1) + "@";
      String path = scp.group(3).startsWith("/") ? scp.group(3).substring(1) : scp.group(3);
      report.accept(Diagnostic.error(Code.INVALID_VALUE, url.span(), "Flux does not accept the scp form `" + text
              + "`: a GitRepository's url starts with http://, https:// or ssh://")
          .withHint("write `ssh://" + user + scp.group(2) + "/" + path + "`"));
      return;
    }
    Matcher scheme = SCHEME.matcher(text);
    String hint = "write an `https://HOST/PATH` or `ssh://git@HOST/PATH` URL";
    if (scheme.matches() && URL.matcher(scheme.group(1).toLowerCase(Locale.ROOT) + text.substring(scheme.group(1).length())).matches()) {
      hint = "write the scheme in lower case: `" + scheme.group(1).toLowerCase(Locale.ROOT) + text.substring(scheme.group(1).length()) + "`";
    } else if (scheme.matches()) {
      hint = "serve the repository over https:// or ssh://; Flux's GitRepository clones nothing else";
    }
    report.accept(Diagnostic.error(Code.INVALID_VALUE, url.span(), "the repository `" + text
            + "` is not a URL Flux can clone: a GitRepository's url starts with http://, https:// or ssh:// and names a host")
        .withHint(hint));
  }

  /**
   * The tree is written to {@code -o DIR/PATH} and Flux reads {@code ./PATH/…}: a relative path of
   * plain segments, so that it can neither leave the repository nor be the repository's root.
   */
  private static void path(Written<String> path, Decl cluster, boolean source, Consumer<Diagnostic> report) {
    String text = path.value();
    String trimmed = TreePath.normalize(text);
    String problem = null;
    if (text.strip().startsWith("/")) {
      problem = "is absolute, but `path` is a directory inside the repository";
    } else if (source && (trimmed.isEmpty() || trimmed.equals("."))) {
      return; // the sources may be the whole repository
    } else if (trimmed.isEmpty() || trimmed.equals(".")) {
      problem = "is the repository's root, and the tree needs a directory of its own there";
    } else if (TreePath.problem(trimmed) != null) {
      problem = "has " + TreePath.problem(trimmed) + ", but `path` is a plain directory inside the repository";
    }
    if (problem != null) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, path.span(), "the gitops path `" + text + "` " + problem)
          .withHint("write a directory relative to the repository's root, such as `clusters/" + cluster.name() + "`"));
    }
  }

  private static void secretName(Written<String> name, String entry, Consumer<Diagnostic> report) {
    String text = name.value();
    if (KubernetesNames.isSubdomain(text)) {
      return;
    }
    report.accept(Diagnostic.error(Code.INVALID_VALUE, name.span(), "`" + entry + "` names a Secret, and `" + text
            + "` is not a valid Kubernetes name")
        .withHint("use lower-case letters, digits, `-` and `.`, e.g. `" + NameRules.suggest(text) + "`"));
  }
}
