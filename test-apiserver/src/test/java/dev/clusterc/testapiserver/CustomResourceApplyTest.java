package dev.clusterc.testapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Custom resources meet the real CRD schemas: valid ones pass a dry run, invalid ones get a 422. */
@WithTestApiServer
class CustomResourceApplyTest {

  private static final String NAMESPACE = "crs";

  static KubernetesClient client;

  @BeforeAll
  static void createNamespace() {
    // a dry run needs its namespace to exist for real
    ServerSideApply.applyYaml(client, """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: crs
        """, false);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      """
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata: {name: apps, namespace: crs}
      spec:
        interval: 10m
        path: ./apps
        prune: true
        sourceRef: {kind: GitRepository, name: flux-system}
      """,
      """
      apiVersion: volsync.backube/v1alpha1
      kind: ReplicationSource
      metadata: {name: data, namespace: crs}
      spec:
        sourcePVC: data
        trigger: {schedule: "0 * * * *"}
        restic:
          repository: data-restic
          copyMethod: Snapshot
          pruneIntervalDays: 7
          retain: {hourly: 6, daily: 5}
      """,
      """
      apiVersion: postgresql.cnpg.io/v1
      kind: Cluster
      metadata: {name: db, namespace: crs}
      spec:
        instances: 3
        storage: {size: 10Gi}
      """,
      """
      apiVersion: cilium.io/v2
      kind: CiliumLoadBalancerIPPool
      metadata: {name: lb}
      spec:
        blocks:
        - cidr: 10.0.60.0/24
      """,
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: web, namespace: crs}
      spec:
        gatewayClassName: cilium
        listeners:
        - {name: http, protocol: HTTP, port: 80}
        - name: https
          protocol: HTTPS
          port: 443
          hostname: "*.example.org"
          tls:
            mode: Terminate
            certificateRefs: [{kind: Secret, name: wildcard-tls}]
      """})
  void acceptsAValidCustomResourceInADryRun(String yaml) {
    GenericKubernetesResource object = single(yaml);
    GenericKubernetesResource answer = ServerSideApply.apply(client, object, true);
    assertEquals(object.getKind(), answer.getKind());
    assertNotNull(answer.getMetadata().getCreationTimestamp(), "the server filled in metadata");
    // a dry run stores nothing
    assertNull(client.resource(object).get(), "stored despite dryRun=All");
  }

  @Test
  void rejectsAKustomizationWithoutSourceRef() {
    String message = rejected(422, """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata: {name: invalid, namespace: crs}
        spec:
          interval: 10m
          prune: true
        """);
    assertTrue(message.contains("spec.sourceRef: Required value"), message);
  }

  @Test
  void rejectsACnpgClusterWithTooFewInstances() {
    String message = rejected(422, """
        apiVersion: postgresql.cnpg.io/v1
        kind: Cluster
        metadata: {name: invalid, namespace: crs}
        spec:
          instances: 0
          storage: {size: 10Gi}
        """);
    assertTrue(message.contains("spec.instances in body should be greater than or equal to 1"),
        message);
  }

  @Test
  void rejectsACnpgClusterBreakingACelRule() {
    String message = rejected(422, """
        apiVersion: postgresql.cnpg.io/v1
        kind: Cluster
        metadata: {name: invalid, namespace: crs}
        spec:
          instances: 1
          imageName: ghcr.io/cloudnative-pg/postgresql:17
          imageCatalogRef: {apiGroup: postgresql.cnpg.io, kind: ImageCatalog, name: pg, major: 17}
          storage: {size: 10Gi}
        """);
    assertTrue(message.contains("imageName and imageCatalogRef are mutually exclusive"), message);
  }

  @Test
  void rejectsAPoolWithAnInvalidCidr() {
    String message = rejected(422, """
        apiVersion: cilium.io/v2
        kind: CiliumLoadBalancerIPPool
        metadata: {name: bad}
        spec:
          blocks:
          - cidr: 10.0.60.0/33
        """);
    assertTrue(message.contains("spec.blocks[0].cidr"), message);
  }

  /**
   * A wrong type fails when the apply patch is converted to a typed object, before validation, and
   * kube-apiserver answers 500 (kubernetes/kubernetes#139253). If this starts to see a 400 or 422,
   * upstream has fixed it: update this test and {@link ServerSideApply}'s Javadoc.
   */
  @Test
  void rejectsACnpgClusterWithAStringForInstancesWithA500() {
    String message = rejected(500, """
        apiVersion: postgresql.cnpg.io/v1
        kind: Cluster
        metadata: {name: invalid, namespace: crs}
        spec:
          instances: "three"
          storage: {size: 10Gi}
        """);
    assertTrue(message.contains(".spec.instances: expected numeric (int or float), got string"),
        message);
  }

  /** An undeclared field fails the same way, whatever {@code fieldValidation} says. */
  @Test
  void rejectsAnUndeclaredFieldWithA500() {
    String message = rejected(500, """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata: {name: typo, namespace: crs}
        spec:
          interval: 10m
          prune: true
          sourceRef: {kind: GitRepository, name: flux-system}
          sourceref: {kind: GitRepository, name: flux-system}
        """);
    assertTrue(message.contains(".spec.sourceref: field not declared in schema"), message);
  }

  @Test
  void needsTheNamespaceToExistEvenForADryRun() {
    KubernetesClientException e = assertThrows(KubernetesClientException.class,
        () -> ServerSideApply.apply(client, single("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: orphan, namespace: nowhere}
            """), true));
    assertEquals(404, e.getCode(), e.getMessage());
  }

  @Test
  void ownsItsServer() {
    OnePerClass.assertOwnServer(client, "owner-custom-resource-apply-test");
  }

  /** Dry-runs {@code yaml}, expects a rejection with {@code code}, returns the server's message. */
  private static String rejected(int code, String yaml) {
    KubernetesClientException e = assertThrows(KubernetesClientException.class,
        () -> ServerSideApply.apply(client, single(yaml), true));
    String message = e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage();
    System.out.println("test-apiserver: rejected with " + e.getCode() + ": " + message);
    assertEquals(code, e.getCode(), e.getMessage());
    return message;
  }

  private static GenericKubernetesResource single(String yaml) {
    List<GenericKubernetesResource> objects = Manifests.parse(yaml);
    assertEquals(1, objects.size());
    return objects.get(0);
  }
}
