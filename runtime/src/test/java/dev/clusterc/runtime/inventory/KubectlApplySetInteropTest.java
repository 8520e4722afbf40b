package dev.clusterc.runtime.inventory;

import static dev.clusterc.runtime.inventory.EngineSteps.applyAndPrune;
import static dev.clusterc.runtime.inventory.EngineSteps.configMap;
import static dev.clusterc.runtime.inventory.EngineSteps.parent;
import static dev.clusterc.runtime.inventory.TestObjects.object;
import static dev.clusterc.runtime.inventory.TestObjects.unit;
import static dev.clusterc.runtime.inventory.TestObjects.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.ServerSideApply;
import dev.clusterc.testapiserver.TestApiServer;
import dev.clusterc.testapiserver.WithTestApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our ApplySet as the real kubectl sees it, and kubectl's as we compute it. */
@WithTestApiServer(crds = false)
class KubectlApplySetInteropTest {
  static KubernetesClient client;
  static TestApiServer server;
  @TempDir
  static Path dir;
  static Path kubeconfig;

  private static final Tooling TOOLING = Tooling.clusterc("0.1.0");

  @BeforeAll
  static void writeKubeconfig() throws IOException {
    kubeconfig = Files.writeString(dir.resolve("kubeconfig"), server.kubeConfigYaml());
  }

  @Test
  void kubectlSeesTheSetWeRecorded() throws Exception {
    ApplySetInventory inventory = new ApplySetInventory(client, "interop", TOOLING);
    UnitGraph graph = new UnitGraph("interop", List.of(
        unit("namespace", List.of(), object("v1", "Namespace", null, "interop")),
        unit("app", List.of("namespace"), configMap("interop", "settings"), yaml("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: interop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: busybox}]}
            """), yaml("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: interop-reader}
            rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
            """))));
    applyAndPrune(client, inventory, graph, false, new RecordingListener());
    ConfigMap parent = parent(client, inventory);
    Map<String, String> annotations = parent.getMetadata().getAnnotations();
    Set<String> namespaces = new TreeSet<>(List.of(parent.getMetadata().getNamespace()));
    namespaces.addAll(List.of(annotations.get(ApplySetKeys.ADDITIONAL_NAMESPACES).split(",")));

    // kubectl's view: every kind of contains-group-kinds, in the parent's namespaces, by the part-of label
    Set<ObjectId> seen = new TreeSet<>();
    for (String groupKind : annotations.get(ApplySetKeys.CONTAINS_GROUP_KINDS).split(",")) {
      int dot = groupKind.indexOf('.');
      String kind = dot < 0 ? groupKind : groupKind.substring(0, dot);
      String group = dot < 0 ? "" : groupKind.substring(dot + 1);
      Result got = kubectl(Map.of(), "get", groupKind.toLowerCase(), "--all-namespaces",
          "-l", ApplySetKeys.PART_OF + "=" + inventory.parent().id(),
          "-o", "custom-columns=NS:.metadata.namespace,NAME:.metadata.name", "--no-headers");
      assertEquals(0, got.code, got.err);
      for (String line : got.out.strip().split("\n")) {
        String[] columns = line.trim().split("\\s+");
        if (columns.length == 2 && (columns[0].equals("<none>") || namespaces.contains(columns[0]))) {
          seen.add(new ObjectId(group, kind, columns[0].equals("<none>") ? null : columns[0], columns[1]));
        }
      }
    }
    assertEquals(InventoryRecords.of(graph).ids(), seen);

    // kubectl reads our parent as an ApplySet, and refuses to change it: it is clusterc's
    Path manifest = Files.writeString(dir.resolve("one.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other, namespace: kube-system}\n");
    Result refused = kubectl(Map.of("KUBECTL_APPLYSET", "true"), "apply", "--server-side", "--dry-run=server",
        "--prune", "--applyset=configmaps/" + inventory.parent().name(), "-n", "kube-system", "-f", manifest.toString());
    assertNotEquals(0, refused.code, refused.out);
    assertTrue(refused.err.contains("\"clusterc\""), refused.err);
  }

  @Test
  void kubectlsParentCarriesTheIdWeCompute() throws Exception {
    ServerSideApply.apply(client, object("v1", "Namespace", null, "kset"), false);
    Path manifest = Files.writeString(dir.resolve("members.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: one, namespace: kset}
        data: {a: b}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: two, namespace: kset}
        stringData: {c: d}
        """);
    Result applied = kubectl(Map.of("KUBECTL_APPLYSET", "true"), "apply", "--server-side", "--prune",
        "--applyset=configmap/kset", "-n", "kset", "-f", manifest.toString());
    assertEquals(0, applied.code, applied.err);

    ApplySetParent ours = ApplySetParent.configMap("kset", "kset");
    ConfigMap theirs = client.configMaps().inNamespace("kset").withName("kset").get();
    assertEquals(ours.id(), theirs.getMetadata().getLabels().get(ApplySetKeys.ID));
    assertEquals(ours.id(), client.configMaps().inNamespace("kset").withName("one").get()
        .getMetadata().getLabels().get(ApplySetKeys.PART_OF));
    assertEquals(ours.id(), client.secrets().inNamespace("kset").withName("two").get()
        .getMetadata().getLabels().get(ApplySetKeys.PART_OF));
    InventoryRecords same = InventoryRecords.of(List.of(
        new InventoryRecord(new ObjectId("", "ConfigMap", "kset", "one"), "u", 0, 0),
        new InventoryRecord(new ObjectId("", "Secret", "kset", "two"), "u", 0, 1)));
    Map<String, String> computed = ParentObject.annotations(ours, TOOLING, same);
    for (String key : List.of(ApplySetKeys.CONTAINS_GROUP_KINDS, ApplySetKeys.ADDITIONAL_NAMESPACES)) {
      assertEquals(computed.get(key), theirs.getMetadata().getAnnotations().get(key), key);
    }

    // and clusterc leaves kubectl's set alone
    InventoryException e = org.junit.jupiter.api.Assertions.assertThrows(InventoryException.class,
        () -> new ApplySetInventory(client, ours, TOOLING).read());
    assertTrue(e.getMessage().contains("managed by kubectl"), e.getMessage());
  }

  private record Result(int code, String out, String err) {}

  private static Result kubectl(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(System.getProperty("clusterc.kubectl", "kubectl"),
        "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "kubectl", ".out");
    Path err = Files.createTempFile(dir, "kubectl", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(env);
    int code = builder.start().waitFor();
    return new Result(code, Files.readString(out), Files.readString(err));
  }
}
