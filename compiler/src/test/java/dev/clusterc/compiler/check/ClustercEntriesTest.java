package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.check.CheckerHarness.detailed;
import static dev.clusterc.compiler.check.CheckerHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code gitops clusterc { … }} as {@link GitOpsChecker} reads it; the block is on line 4, its entries start at column 20. */
class ClustercEntriesTest {
  private static final Checker CHECKER = new GitOpsChecker();
  private static final String IMAGE = "image \"ghcr.io/o/clusterc:0.1.0\"; ";

  private static String clusterc(String entries) {
    return cluster("clusterc", entries);
  }

  private static String cluster(String engine, String entries) {
    return "cluster lab {\n"
        + "  domain \"example.org\"\n"
        + "  network { nodes 10.0.0.0/24; router 10.0.0.1 }\n"
        + "  gitops " + engine + " { " + entries + " }\n"
        + "}\n"
        + "node cp { role control-plane; address 10.0.0.2 }\n";
  }

  @Test
  void urlsJGitClonesAndTheRootAsPathPass() {
    assertEquals("", run(CHECKER, clusterc(IMAGE + "repository \"https://github.com/o/r\"")));
    assertEquals("", run(CHECKER, clusterc(IMAGE + "repository \"ssh://git@github.com/o/r.git\"; secret \"git\"")));
    assertEquals("", run(CHECKER, clusterc(IMAGE + "repository \"git@github.com:o/r.git\"; secret \"git\"; credentials ssh")));
    assertEquals("", run(CHECKER, clusterc(IMAGE + "repository \"https://g/o/r\"; path \".\"; replicas 1")));
    assertEquals("", run(CHECKER, clusterc(IMAGE + "repository \"https://g/o/r\"; path \"./clusters/lab/\"; credentials token;"
        + " secret \"git\"")));
  }

  @Test
  void aUrlJGitCannotCloneIsAnError() {
    assertEquals("4:66: error[invalid-value]: the repository `git://git.lan/r` is not a Git URL clusterc's runtime can clone:"
            + " it starts with https://, http:// or ssh://, or is written `git@HOST:PATH`\n"
            + "  hint: write an `https://HOST/PATH` or `ssh://git@HOST/PATH` URL",
        detailed(CHECKER, clusterc(IMAGE + "repository \"git://git.lan/r\"")));
  }

  @Test
  void withoutAnImageItIsAMissingProperty() {
    assertEquals("4:10: error[missing-property]: `gitops clusterc` has no `image`: the runtime's Deployment needs the"
            + " clusterc image to run",
        CheckerHarness.runBroken(CHECKER, clusterc("repository \"https://g/o/r\"")));
    assertEquals("4:27: error[invalid-value]: `ghcr.io/o/clusterc 0.1` is not an image reference",
        run(CHECKER, clusterc("image \"ghcr.io/o/clusterc 0.1\"; repository \"https://g/o/r\"")));
  }

  @Test
  void theRuntimeRunsAtLeastOneReplica() {
    assertEquals("4:92: error[invalid-value]: the runtime has 0 replicas; it needs at least 1\n"
            + "  hint: write `replicas 2` (the default): one leads, the other takes over when it stops",
        detailed(CHECKER, clusterc(IMAGE + "repository \"https://g/o/r\"; replicas 0")));
  }

  @Test
  void credentialsNeedASecretAndMustSuitTheScheme() {
    assertEquals("4:95: error[invalid-value]: `credentials token` says which keys of the Git credentials' Secret the runtime"
            + " reads, and no `secret` names one",
        run(CHECKER, clusterc(IMAGE + "repository \"https://g/o/r\"; credentials token")));
    assertEquals("4:111: error[invalid-value]: `credentials token` is read over HTTPS, and the repository"
            + " `ssh://git@g/o/r` is reached over SSH",
        run(CHECKER, clusterc(IMAGE + "repository \"ssh://git@g/o/r\"; secret \"git\"; credentials token")));
    assertEquals("4:109: error[invalid-value]: `credentials ssh` is a key for SSH, and the repository `https://g/o/r` is"
            + " reached over HTTP",
        run(CHECKER, clusterc(IMAGE + "repository \"https://g/o/r\"; secret \"git\"; credentials ssh")));
  }

  @Test
  void anSshRepositoryWithoutASecretIsAWarning() {
    assertEquals("4:66: warning[invalid-value]: clusterc's runtime clones an SSH repository only with a key, and no"
            + " `secret` names one\n"
            + "  hint: add `secret \"clusterc-git\"` and create it in clusterc-system with the keys `identity` and `known_hosts`",
        detailed(CHECKER, clusterc(IMAGE + "repository \"git@github.com:o/r.git\"")));
  }

  @Test
  void theSecretIsASecretName() {
    assertEquals("4:90: error[invalid-value]: `secret` names a Secret, and `Git Token` is not a valid Kubernetes name",
        run(CHECKER, clusterc(IMAGE + "repository \"https://g/o/r\"; secret \"Git Token\"")));
  }

  @Test
  void entriesOnlyOtherEnginesReadAreRefused() {
    assertEquals("4:83: error[invalid-value]: `interval` is read only by `gitops flux`, and this cluster is deployed by"
            + " `gitops clusterc`\n"
            + "  hint: remove it: clusterc's runtime polls the repository at its own interval (`clusterc apply --watch`)",
        detailed(CHECKER, clusterc(IMAGE + "repository \"https://g/o/r\"; interval 5m")));
    assertEquals("4:83: error[invalid-value]: `project` is read only by `gitops argocd`, and this cluster is deployed by"
            + " `gitops clusterc`",
        run(CHECKER, clusterc(IMAGE + "repository \"https://g/o/r\"; project \"p\"")));
    assertEquals("4:45: error[invalid-value]: `image` is read only by `gitops clusterc`, and this cluster is deployed by"
            + " `gitops flux`",
        run(CHECKER, cluster("flux", "repository \"https://g/o/r\"; image \"i:1\"")));
    assertEquals("4:47: error[invalid-value]: `secret` is read only by `gitops flux` and `gitops clusterc`, and this cluster"
            + " is deployed by `gitops argocd`",
        run(CHECKER, cluster("argocd", "repository \"https://g/o/r\"; secret \"git\"")));
  }

  @Test
  void thePathStaysInsideTheRepository() {
    assertEquals("4:88: error[invalid-value]: the gitops path `../lab` has a `..` segment, but `path` is a plain directory"
            + " inside the repository",
        run(CHECKER, clusterc(IMAGE + "repository \"https://g/o/r\"; path \"../lab\"")));
    assertEquals("4:88: error[invalid-value]: the gitops path `/lab` is absolute, but `path` is a directory inside the repository",
        run(CHECKER, clusterc(IMAGE + "repository \"https://g/o/r\"; path \"/lab\"")));
  }

  /** The refusal is {@link SopsDecryptionChecker}'s: the runtime applies what it reads, and decrypts nothing. */
  @Test
  void aSopsSecretIsRefused() {
    String text = clusterc(IMAGE + "repository \"https://g/o/r\"") + "secret db { sops \"db.sops.yaml\" }\n";
    assertEquals("7:13: error[invalid-value]: secret db is a SOPS file, and clusterc's runtime, which deploys this cluster,"
            + " decrypts no SOPS files: the encrypted document would be applied as it is",
        run(new SopsDecryptionChecker(), text));
  }

  /** The cluster's name names the runtime's ClusterRole and Lease: a DNS label, as under Argo CD. */
  @Test
  void theClusterNameIsALabel() {
    String text = clusterc(IMAGE + "repository \"https://g/o/r\"").replace("cluster lab", "cluster Lab_1");
    assertEquals("1:9: error[invalid-value]: the name of cluster Lab_1 (which names its runtime's Lease and ClusterRole)"
            + " is not a valid Kubernetes name: it has upper-case letters",
        run(new NameRulesChecker(), text).lines().findFirst().orElse(""));
  }
}
