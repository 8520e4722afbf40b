package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.apply.ApplyOptions;
import dev.clusterc.runtime.apply.ClusterApply;
import dev.clusterc.runtime.apply.RunSummary;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.ServerSideApply;
import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RBAC that {@code gitops clusterc} derives is enough, and no more: with only the runtime unit's
 * ServiceAccount rights (a client impersonating it), the whole compiled cluster applies — the
 * runtime's own unit included, so the runtime can keep its RBAC up to date without escalating — while
 * Secrets elsewhere stay unreadable and binding {@code cluster-admin} is refused by the API server.
 */
@WithTestCluster
class InClusterRbacClusterTest {
  private static final String SERVICE_ACCOUNT = "system:serviceaccount:clusterc-system:clusterc";
  private static final Set<String> RBAC_AND_HOME = Set.of("Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding",
      "Role", "RoleBinding");

  static TestCluster cluster;

  @TempDir Path dir;

  @Test
  void theDerivedRbacAppliesTheClusterAndNothingMore() throws IOException {
    Path sources = dir.resolve("lab");
    Sources.write(sources.resolve("cluster.cluster"), String.join("\n",
        "cluster lab {",
        "  domain \"lab.example\"",
        "  network { nodes 10.0.0.0/24 }",
        "  gitops clusterc {",
        "    repository \"https://git.example/lab.git\"",
        "    secret \"clusterc-git\"",
        "    image \"ghcr.io/clusterc/clusterc:0.1.0\"",
        "  }",
        "}",
        "node cp1 { role control-plane; address 10.0.0.2 }",
        "app web {",
        "  image \"nginx:1.27\"",
        "  manifests \"apiVersion: v1\\nkind: Secret\\nmetadata: { name: token }\\nstringData: { token: not-a-real-one }\"",
        "  manifests \"apiVersion: v1\\nkind: ConfigMap\\nmetadata: { name: settings }\\ndata: { mode: lab }\"",
        "}",
        ""));
    UnitGraph graph = Scenario.graph(sources);
    Unit runtime = graph.units().stream().filter(u -> u.name().equals("clusterc-runtime")).findFirst().orElseThrow();
    // what an administrator applies once: the runtime's home and rights (its Roles need their namespaces)
    cluster.createNamespace("web");
    for (GenericKubernetesResource object : runtime.objects()) {
      if (RBAC_AND_HOME.contains(object.getKind())) {
        ServerSideApply.apply(cluster.client(), object, false);
      }
    }
    Config impersonating = new ConfigBuilder(cluster.config())
        .withImpersonateUsername(SERVICE_ACCOUNT)
        .withImpersonateGroups("system:serviceaccounts", "system:serviceaccounts:clusterc-system", "system:authenticated")
        .build();
    try (Kube kube = Kube.of(impersonating)) {
      RunSummary summary = new ClusterApply(kube.client(), Version.NUMBER)
          .apply(graph, ApplyOptions.defaults(), false, Set.of(), new Scenario.Recorder());
      assertTrue(summary.succeeded(), () -> "failed " + summary.failed() + ", skipped " + summary.skipped());
      assertNotNull(cluster.client().secrets().inNamespace("web").withName("token").get(), "the app's Secret is applied");
      assertEquals(List.of("token"), kube.client().secrets().inNamespace("web").list().getItems().stream()
          .map(s -> s.getMetadata().getName()).filter("token"::equals).toList(), "Secrets of the cluster's namespace are readable");

      cluster.createNamespace("elsewhere");
      KubernetesClientException secrets = assertThrows(KubernetesClientException.class,
          () -> kube.client().secrets().inNamespace("elsewhere").list());
      assertEquals(403, secrets.getCode(), "Secrets of a namespace the cluster does not use");
      assertEquals(403, assertThrows(KubernetesClientException.class, () -> kube.client().secrets().inAnyNamespace().list())
          .getCode(), "Secrets across namespaces");

      var escalation = new ClusterRoleBindingBuilder().withNewMetadata().withName("clusterc-is-admin").endMetadata()
          .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "cluster-admin")
          .addNewSubject().withKind("ServiceAccount").withName("clusterc").withNamespace("clusterc-system").endSubject()
          .build();
      KubernetesClientException bound = assertThrows(KubernetesClientException.class,
          () -> kube.client().rbac().clusterRoleBindings().resource(escalation).create());
      assertEquals(403, bound.getCode(), "binding cluster-admin is an escalation the API server refuses");
    }
  }
}
