package dev.clusterc.runtime.inventory;

import static dev.clusterc.runtime.inventory.EngineSteps.applyAndPrune;
import static dev.clusterc.runtime.inventory.EngineSteps.configMap;
import static dev.clusterc.runtime.inventory.TestObjects.object;
import static dev.clusterc.runtime.inventory.TestObjects.unit;
import static dev.clusterc.runtime.inventory.TestObjects.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.ServerSideApply;
import dev.clusterc.testapiserver.WithTestApiServer;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Namespaces pruned on a real kube-apiserver: only when nothing foreign is inside. */
@WithTestApiServer(crds = false)
class NamespacePruneApiServerTest {
  static KubernetesClient client;

  private static final Tooling TOOLING = Tooling.clusterc("0.1.0");

  private static UnitGraph withNamespace(String cluster, String namespace) {
    return new UnitGraph(cluster, List.of(
        unit("space", List.of(), object("v1", "Namespace", null, namespace)),
        unit("app", List.of("space"), configMap(namespace, "settings"), yaml("""
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: app, namespace: %s}
            """.formatted(namespace))),
        unit("rest", List.of(), configMap("default", cluster + "-rest"))));
  }

  private static UnitGraph without(String cluster) {
    return new UnitGraph(cluster, List.of(unit("rest", List.of(), configMap("default", cluster + "-rest"))));
  }

  /** Kubernetes' own objects (no controller runs here, so the test makes them as kube-controller-manager would). */
  private static void kubernetesOwn(String namespace) {
    ServerSideApply.apply(client, object("v1", "ServiceAccount", namespace, "default"), false);
    ServerSideApply.apply(client, yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kube-root-ca.crt, "
        + "namespace: " + namespace + "}\ndata: {ca.crt: x}\n"), false);
  }

  @Test
  void aNamespaceHoldingOnlyOursIsDeleted() {
    ApplySetInventory inventory = new ApplySetInventory(client, "only-ours", TOOLING);
    applyAndPrune(client, inventory, withNamespace("only-ours", "only-ours"), false, new RecordingListener());
    kubernetesOwn("only-ours");
    // what a controller makes for one of ours (as a ReplicaSet for a Deployment): owned, so not foreign
    String uid = client.serviceAccounts().inNamespace("only-ours").withName("app").get().getMetadata().getUid();
    ServerSideApply.apply(client, yaml("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: made-for-app
          namespace: only-ours
          ownerReferences: [{apiVersion: v1, kind: ServiceAccount, name: app, uid: %s}]
        """.formatted(uid)), false);

    RecordingListener listener = new RecordingListener();
    applyAndPrune(client, inventory, without("only-ours"), false, listener);
    assertTrue(listener.lines().contains("PRUNED Namespace only-ours"), listener.lines().toString());
    Namespace gone = client.namespaces().withName("only-ours").get();
    assertTrue(gone == null || gone.getMetadata().getDeletionTimestamp() != null, "deleted or terminating");
  }

  @Test
  void aNamespaceWithAForeignObjectIsKept() {
    ApplySetInventory inventory = new ApplySetInventory(client, "shared", TOOLING);
    applyAndPrune(client, inventory, withNamespace("shared", "shared"), false, new RecordingListener());
    kubernetesOwn("shared");
    ServerSideApply.apply(client, configMap("shared", "someone-elses"), false);

    RecordingListener listener = new RecordingListener();
    applyAndPrune(client, inventory, without("shared"), false, listener);
    assertEquals(List.of("PRUNED ServiceAccount shared/app", "PRUNED ConfigMap shared/settings",
        "KEPT Namespace shared"), listener.lines());
    String reason = listener.events.stream().filter(e -> e.object().kind().equals("Namespace")).findFirst()
        .orElseThrow().detail();
    assertEquals("1 object not ours in it (ConfigMap shared/someone-elses): deleting it would delete them;"
        + " move or delete them, then apply again", reason);
    Namespace kept = client.namespaces().withName("shared").get();
    assertNotNull(kept);
    assertEquals(null, kept.getMetadata().getDeletionTimestamp());
    assertNotNull(client.configMaps().inNamespace("shared").withName("someone-elses").get());
  }
}
