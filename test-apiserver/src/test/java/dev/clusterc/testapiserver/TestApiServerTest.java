package dev.clusterc.testapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The server as the compiler's tests meet it: namespaces, CRDs, real server-side applies. */
@WithTestApiServer
class TestApiServerTest {

  static KubernetesClient client;

  @Test
  void listsTheSystemNamespaces() {
    Set<String> names = client.namespaces().list().getItems().stream()
        .map(ns -> ns.getMetadata().getName())
        .collect(Collectors.toSet());
    assertTrue(names.containsAll(List.of("default", "kube-system", "kube-public")), names::toString);
  }

  @Test
  void reportsTheBuiltVersion(TestApiServer server) {
    assertEquals(server.kubernetesVersion(), client.getKubernetesVersion().getGitVersion());
    assertEquals("127.0.0.1", server.url().getHost());
  }

  @Test
  void everyUpstreamCrdIsEstablished(TestApiServer server) {
    int files = CrdInstaller.crdFiles(RepoPaths.crdDirectory()).size();
    List<CustomResourceDefinition> crds =
        client.apiextensions().v1().customResourceDefinitions().list().getItems();
    long established = crds.stream().filter(CrdInstaller::isEstablished).count();
    System.out.println("test-apiserver: " + established + " of " + crds.size()
        + " CRDs Established, " + files + " CRD files");
    assertEquals(files, server.crdFiles().size());
    assertEquals(files, server.crdNames().size(), "one CRD per file");
    assertEquals(files, crds.size());
    assertEquals(files, established);
  }

  @Test
  void serverSideAppliesANamespaceAndADeploymentForReal() {
    Namespace namespace = new NamespaceBuilder()
        .withNewMetadata().withName("apps").addToLabels("team", "web").endMetadata()
        .build();
    ServerSideApply.apply(client, namespace, false);
    Deployment deployment = new DeploymentBuilder()
        .withNewMetadata().withName("web").withNamespace("apps").endMetadata()
        .withNewSpec()
          .withReplicas(2)
          .withNewSelector().addToMatchLabels("app", "web").endSelector()
          .withNewTemplate()
            .withNewMetadata().addToLabels("app", "web").endMetadata()
            .withNewSpec()
              .addNewContainer().withName("web").withImage("nginx:1.27")
                .addNewPort().withContainerPort(80).endPort()
              .endContainer()
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
    Deployment applied = ServerSideApply.apply(client, deployment, false);
    assertNotNull(applied.getMetadata().getUid());

    Namespace readNamespace = client.namespaces().withName("apps").get();
    assertEquals("web", readNamespace.getMetadata().getLabels().get("team"));
    assertAppliedByClusterc(readNamespace.getMetadata().getManagedFields());

    Deployment read = client.apps().deployments().inNamespace("apps").withName("web").get();
    assertEquals(2, read.getSpec().getReplicas());
    assertEquals("nginx:1.27", read.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
    assertAppliedByClusterc(read.getMetadata().getManagedFields());

    // applying again with a change updates the same object
    deployment.getSpec().setReplicas(3);
    ServerSideApply.apply(client, deployment, false);
    Deployment updated = client.apps().deployments().inNamespace("apps").withName("web").get();
    assertEquals(3, updated.getSpec().getReplicas());
    assertEquals(read.getMetadata().getUid(), updated.getMetadata().getUid());
  }

  @Test
  void serverSideAppliesGenericYamlOfABuiltInKind() {
    ServerSideApply.applyYaml(client, """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: generic
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: generic
        data:
          mode: fast
        """, false);
    assertEquals("fast",
        client.configMaps().inNamespace("generic").withName("settings").get().getData().get("mode"));
  }

  /** Services take addresses from clusterc's default service network, 10.43.0.0/16. */
  @Test
  void aServiceMayPinAClusterIpInTheServiceNetwork() {
    ServerSideApply.applyYaml(client, """
        apiVersion: v1
        kind: Service
        metadata: {name: dns, namespace: default}
        spec:
          clusterIP: 10.43.0.10
          ports: [{name: dns, port: 53, protocol: UDP}]
        """, false);
    assertEquals("10.43.0.10",
        client.services().inNamespace("default").withName("dns").get().getSpec().getClusterIP());
  }

  @Test
  void ownsItsServer() {
    OnePerClass.assertOwnServer(client, "owner-test-apiserver-test");
  }

  private static void assertAppliedByClusterc(List<ManagedFieldsEntry> managedFields) {
    assertTrue(managedFields.stream().anyMatch(f ->
            ServerSideApply.FIELD_MANAGER.equals(f.getManager()) && "Apply".equals(f.getOperation())),
        () -> "no Apply entry by clusterc in " + managedFields);
  }
}
