package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.check.CheckerHarness.detailed;
import static dev.clusterc.compiler.check.CheckerHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code gitops argocd { … }} as {@link GitOpsChecker} reads it; the block is on line 4, its entries start at column 18. */
class ArgoCdEntriesTest {
  private static final Checker CHECKER = new GitOpsChecker();

  private static String argocd(String entries) {
    return cluster("argocd", entries);
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
  void urlsArgoCdClonesPass() {
    assertEquals("", run(CHECKER, argocd("repository \"https://github.com/o/r\"")));
    assertEquals("", run(CHECKER, argocd("repository \"ssh://git@github.com/o/r.git\"; branch \"prod\"")));
    assertEquals("", run(CHECKER, argocd("repository \"git@github.com:o/r.git\"; namespace \"gitops\"; project \"homelab\"")));
  }

  @Test
  void aUrlArgoCdCannotCloneIsAnError() {
    assertEquals("4:30: error[invalid-value]: the repository `git://git.lan/r` is not a Git URL Argo CD can clone:"
            + " it starts with https://, http:// or ssh://, or is written `git@HOST:PATH`\n"
            + "  hint: write an `https://HOST/PATH` or `ssh://git@HOST/PATH` URL",
        detailed(CHECKER, argocd("repository \"git://git.lan/r\"")));
  }

  @Test
  void entriesOnlyFluxReadsAreRefusedUnderArgoCd() {
    assertEquals("4:47: error[invalid-value]: `interval` is read only by `gitops flux`, and this cluster is deployed"
            + " by `gitops argocd`\n"
            + "  hint: remove it: Argo CD polls every repository at its own `timeout.reconciliation` (argocd-cm, 3m by default)",
        detailed(CHECKER, argocd("repository \"https://g/o/r\"; interval 5m")));
    assertEquals("4:47: error[invalid-value]: `decryption` is read only by `gitops flux`, and this cluster is"
            + " deployed by `gitops argocd`",
        run(CHECKER, argocd("repository \"https://g/o/r\"; decryption \"age\"")));
  }

  @Test
  void entriesOnlyArgoCdReadsAreRefusedUnderFlux() {
    assertEquals("4:45: error[invalid-value]: `project` is read only by `gitops argocd`, and this cluster is deployed"
            + " by `gitops flux`",
        run(CHECKER, cluster("flux", "repository \"https://g/o/r\"; project \"homelab\"")));
  }

  @Test
  void namespaceAndProjectAreKubernetesNames() {
    assertEquals("4:57: error[invalid-value]: `namespace` names a namespace, and `Argo_CD` is not a valid Kubernetes name\n"
            + "  hint: use lower-case letters, digits and `-`, e.g. `argo-cd`",
        detailed(CHECKER, argocd("repository \"https://g/o/r\"; namespace \"Argo_CD\"")));
    assertEquals("4:55: error[invalid-value]: `project` names an Argo CD project, and `my project` is not a valid"
            + " Kubernetes name",
        run(CHECKER, argocd("repository \"https://g/o/r\"; project \"my project\"")));
  }

  /** The refusal is {@link SopsDecryptionChecker}'s, which also warns about SOPS without `gitops`. */
  @Test
  void aSopsSecretIsRefusedWithSealedOrExternalAsTheHint() {
    Checker sops = new SopsDecryptionChecker();
    String text = argocd("repository \"https://g/o/r\"") + "secret db { sops \"db.sops.yaml\" }\n";
    assertEquals("7:13: error[invalid-value]: secret db is a SOPS file, and Argo CD, which deploys this cluster,"
            + " decrypts no SOPS files: the encrypted document would be applied as it is\n"
            + "  hint: seal it instead (`sealed \"FILE\"`, made with kubeseal) or read it from a store"
            + " (`external STORE key KEY`)\n"
            + "  note 4:10: the cluster is deployed by Argo CD here",
        detailed(sops, text));
    assertEquals("", run(sops, cluster("flux", "repository \"https://g/o/r\"") + "secret db { sops \"db.sops.yaml\" }\n"));
  }
}
