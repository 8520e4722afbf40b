package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.check.CheckerHarness.detailed;
import static dev.clusterc.compiler.check.CheckerHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import org.junit.jupiter.api.Test;

/** The cluster takes lines 1–4 with the gitops block on line 4, so its entries start at column 16. */
class GitOpsCheckerTest {
  private static final Checker CHECKER = new GitOpsChecker();

  private static String cluster(String name, String gitops) {
    return "cluster " + name + " {\n"
        + "  domain \"example.org\"\n"
        + "  network { nodes 10.0.0.0/24; router 10.0.0.1 }\n"
        + "  gitops flux { " + gitops + " }\n"
        + "}\n"
        + "node cp { role control-plane; address 10.0.0.2 }\n";
  }

  private static String gitops(String entries) {
    return cluster("lab", entries);
  }

  @Test
  void urlsFluxAcceptsPass() {
    assertEquals("", run(CHECKER, gitops("repository \"https://github.com/o/r\"")));
    assertEquals("", run(CHECKER, gitops("repository \"http://git.lan:3000/o/r.git\"; branch \"prod\"")));
    assertEquals("", run(CHECKER, gitops("repository \"ssh://git@github.com/o/r.git\"; secret \"flux-system\"")));
    assertEquals("", run(CHECKER, gitops("repository \"https://g/o/r\"; path \"./clusters/lab/\"; decryption \"age.key-1\"")));
  }

  @Test
  void theScpFormGetsItsSshSpellingAsTheHint() {
    assertEquals("4:28: error[invalid-value]: Flux does not accept the scp form `git@github.com:o/r.git`:"
            + " a GitRepository's url starts with http://, https:// or ssh://\n"
            + "  hint: write `ssh://git@github.com/o/r.git`",
        detailed(CHECKER, gitops("repository \"git@github.com:o/r.git\"")));
    assertEquals("  hint: write `ssh://git@nas.lan/srv/git/home.git`",
        detailed(CHECKER, gitops("repository \"git@nas.lan:/srv/git/home.git\"")).lines().skip(1).findFirst().orElseThrow());
    assertEquals("  hint: write `ssh://nas/home.git`",
        detailed(CHECKER, gitops("repository \"nas:home.git\"")).lines().skip(1).findFirst().orElseThrow());
  }

  @Test
  void anyOtherSchemeOrNoSchemeIsAnError() {
    assertEquals("4:28: error[invalid-value]: the repository `git://git.lan/r` is not a URL Flux can clone:"
            + " a GitRepository's url starts with http://, https:// or ssh:// and names a host\n"
            + "  hint: serve the repository over https:// or ssh://; Flux's GitRepository clones nothing else",
        detailed(CHECKER, gitops("repository \"git://git.lan/r\"")));
    assertEquals("  hint: write the scheme in lower case: `https://github.com/o/r`",
        detailed(CHECKER, gitops("repository \"HTTPS://github.com/o/r\"")).lines().skip(1).findFirst().orElseThrow());
    assertEquals("4:28: error[invalid-value]: the repository `https://` is not a URL Flux can clone:"
        + " a GitRepository's url starts with http://, https:// or ssh:// and names a host",
        run(CHECKER, gitops("repository \"https://\"")));
    assertEquals("4:28: error[invalid-value]: the repository `file:///srv/git/r` is not a URL Flux can clone:"
        + " a GitRepository's url starts with http://, https:// or ssh:// and names a host",
        run(CHECKER, gitops("repository \"file:///srv/git/r\"")));
    assertEquals("4:28: error[invalid-value]: the repository `github.com/o/r` is not a URL Flux can clone:"
        + " a GitRepository's url starts with http://, https:// or ssh:// and names a host",
        run(CHECKER, gitops("repository \"github.com/o/r\"")));
    assertEquals("4:28: error[invalid-value]: the repository `git.lan:3000/o/r` has no scheme:"
            + " a GitRepository's url starts with http://, https:// or ssh://\n"
            + "  hint: write `https://git.lan:3000/o/r` (or `ssh://git.lan:3000/o/r`)",
        detailed(CHECKER, gitops("repository \"git.lan:3000/o/r\"")));
  }

  @Test
  void anSshRepositoryWithoutAKeyIsAWarning() {
    assertEquals("4:28: warning[invalid-value]: Flux clones an ssh:// repository only with a key, and no `secret` names one\n"
            + "  hint: add `secret \"flux-system\"` to reuse the key `flux bootstrap` stores, or name a secret made with"
            + " `flux create secret git`",
        detailed(CHECKER, gitops("repository \"ssh://git@github.com/o/r\"")));
  }

  @Test
  void thePathStaysInsideTheRepositoryAndBelowItsRoot() {
    String https = "repository \"https://g/o/r\"; path ";
    for (String path : new String[] {"/srv/clusters/lab", ".", "./", "", "clusters/../..", "clusters//lab", "a/./b", "a\\\\b",
        ".git", "repo/.GIT/x", "clusters/.clusterc-staging"}) {
      String found = run(CHECKER, gitops(https + "\"" + path + "\""));
      assertEquals(1, found.lines().count(), path + ": " + found);
      assertEquals(true, found.startsWith("4:50: error[invalid-value]: the gitops path `"), found);
    }
    assertEquals("4:50: error[invalid-value]: the gitops path `../lab` has a `..` segment, but `path` is a plain"
            + " directory inside the repository\n"
            + "  hint: write a directory relative to the repository's root, such as `clusters/lab`",
        detailed(CHECKER, gitops(https + "\"../lab\"")));
  }

  @Test
  void secretNamesAreKubernetesNames() {
    assertEquals("4:56: error[invalid-value]: `decryption` names a Secret, and `SOPS_age` is not a valid Kubernetes name\n"
            + "  hint: use lower-case letters, digits, `-` and `.`, e.g. `sops-age`",
        detailed(CHECKER, gitops("repository \"https://g/o/r\"; decryption \"SOPS_age\"")));
    assertEquals("4:52: error[invalid-value]: `secret` names a Secret, and `` is not a valid Kubernetes name",
        run(CHECKER, gitops("repository \"https://g/o/r\"; secret \"\"")));
  }

  @Test
  void credentialsFromADeclaredSecretCannotOpenTheRepositoryTheyAreIn() {
    String text = gitops("repository \"ssh://git@g/o/r\"; secret \"git\"")
        + "secret git { sops \"git.sops.yaml\"; keys [\"identity\"] }\n";
    assertEquals("4:54: warning[invalid-value]: the Git credentials cannot be secret git: Flux needs them to read"
            + " the repository, and reads secret git from it\n"
            + "  hint: create the credentials in flux-system by hand (`flux create secret git`), or name `flux-system`,"
            + " the secret `flux bootstrap` creates\n"
            + "  note 7:8: secret git is declared here",
        detailed(CHECKER, text));
  }

  @Test
  void withoutGitopsThereIsNothingToCheck() {
    assertEquals("", run(CHECKER, CheckFixture.BASE));
  }
}
