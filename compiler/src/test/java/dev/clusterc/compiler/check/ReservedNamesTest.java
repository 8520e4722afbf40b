package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.check.CheckerHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names that would take over what others own in the GitOps tree or in {@code flux-system}: a layer
 * named like the directories of the Flux objects, the Talos patches or {@code flux bootstrap}, and a
 * cluster named like bootstrap's GitRepository (or not a Kubernetes name at all) when Flux reads it.
 */
class ReservedNamesTest {
  private static String cluster(String name, String entries) {
    return """
        cluster NAME {
          domain "example.org"
          network { nodes 10.0.0.0/24; router 10.0.0.1 }
          ENTRIES
        }
        node cp { role control-plane; address 10.0.0.2 }
        """.replace("NAME", name).replace("ENTRIES", entries);
  }

  @Test
  void twoLayersWhoseBarrierNamesAreTheSameAreRefused() {
    assertEquals("4:23: error[invalid-value]: layers `Apps` and `apps` would both be waited for by the unit `layer.apps`,"
        + " since object names are lower-case and hold no `_` or `.`",
        CheckFixture.check(cluster("lab", "layers [base, Apps, apps]")));
    assertEquals("4:27: error[invalid-value]: layers `my_layer` and `my-layer` would both be waited for by the unit"
        + " `layer.my-layer`, since object names are lower-case and hold no `_` or `.`",
        CheckFixture.check(cluster("lab", "layers [base, my_layer, my-layer]")));
    assertEquals("", CheckFixture.check(cluster("lab", "layers [base, my-layer, my-layer2]")));
  }

  @Test
  void aLayerNamedLikeADirectoryOfTheTreeIsRefusedWhereTheLadderNamesIt() {
    for (String layer : List.of("flux", "talos", "flux-system", "Flux", "TALOS", "argocd")) {
      String text = cluster("lab", "layers [controllers, " + layer + ", apps]");
      assertEquals("4:24: error[invalid-value]: layer `" + layer + "` would share the directory `" + layer.toLowerCase()
              + "/` with " + (layer.equalsIgnoreCase("flux") ? "the Flux objects" : layer.equalsIgnoreCase("talos")
              ? "the Talos patches" : layer.equals("argocd") ? "the Argo CD Applications" : "`flux bootstrap`")
              + ": each layer is a directory of the GitOps tree, beside `flux/`, `argocd/`, `talos/` and the `flux-system/` of `flux bootstrap`",
          CheckFixture.check(text), layer);
    }
  }

  @Test
  void otherLayerNamesAreFine() {
    assertEquals("", CheckFixture.check(cluster("lab", "layers [controllers, fluxes, talos-apps, system, apps]")));
  }

  @Test
  void aClusterNamedFluxSystemWouldReplaceBootstrapsGitRepository() {
    assertEquals("1:9: error[invalid-value]: cluster `flux-system` would replace the GitRepository `flux-system` that "
            + "`flux bootstrap` made: with `gitops flux`, the cluster's GitRepository in namespace flux-system takes the cluster's name",
        run(new NameRulesChecker(), cluster("flux-system", "gitops flux { repository \"https://git.example.org/x\" }")));
  }

  @Test
  void withFluxTheClustersNameIsAKubernetesName() {
    assertEquals("1:9: error[invalid-value]: the name of cluster Home_Lab (the name of its Flux GitRepository) is not a valid "
            + "Kubernetes name: it has upper-case letters",
        run(new NameRulesChecker(), cluster("Home_Lab", "gitops flux { repository \"https://git.example.org/x\" }")));
  }

  @Test
  void withArgoCdTheClustersNameNamesTheRootApplication() {
    assertEquals("1:9: error[invalid-value]: the name of cluster Home_Lab (which names its root Argo CD Application) is not a"
            + " valid Kubernetes name: it has upper-case letters",
        run(new NameRulesChecker(), cluster("Home_Lab", "gitops argocd { repository \"https://git.example.org/x\" }")));
    assertEquals("", run(new NameRulesChecker(), cluster("flux-system", "gitops argocd { repository \"https://git.example.org/x\" }")));
  }

  @Test
  void withoutFluxTheClustersNameNamesNoFluxObject() {
    assertEquals("", run(new NameRulesChecker(), cluster("flux-system", "")));
    assertEquals("", run(new NameRulesChecker(), cluster("Home_Lab", "")));
  }

  @Test
  void aStoreNamedLikeTheStoreOfADatabasesCredentialsCopy() {
    String text = CheckFixture.BASE + """
        use external-secrets
        use cloudnative-pg
        store database-pg { via vault; config { server: "https://vault.example.org" } }
        database pg { size 1Gi; backup none }
        store database-other { via vault; config { server: "https://vault.example.org" } }
        """;
    assertEquals("10:7: error[invalid-value]: store database-pg has the name of the ClusterSecretStore that database pg makes "
        + "to copy its credentials to other namespaces", run(new NameRulesChecker(), text));
  }
}
