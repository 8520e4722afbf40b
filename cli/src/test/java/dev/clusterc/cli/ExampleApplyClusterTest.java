package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clusterc.runtime.apply.ApplyOptions;
import dev.clusterc.runtime.apply.ClusterApply;
import dev.clusterc.runtime.apply.RunSummary;
import dev.clusterc.runtime.inventory.ApplySetInventory;
import dev.clusterc.runtime.inventory.ApplySetKeys;
import dev.clusterc.runtime.inventory.InventoryRecords;
import dev.clusterc.runtime.inventory.Tooling;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.kube.RequestCounts;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * An example's life on a real cluster (etcd, kube-apiserver, controllers, scheduler, kwok): applied
 * from empty by {@code clusterc apply} until every Deployment rolled out; applied again without a
 * write, {@code diff} then silent, and loud about one changed field only; an app removed from the
 * sources pruned, while a foreign object carrying our label is left alone. The tests run in order on
 * one cluster; each first brings the cluster to the example, so none relies on another's result.
 */
@WithTestCluster
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExampleApplyClusterTest {
  private static final String EXAMPLE = "ddd-homelab-local";

  static TestCluster cluster;

  @TempDir Path dir;

  private Cli.Result clusterc(String command, Path sources, String... more) {
    String[] args = new String[5 + more.length];
    args[0] = command;
    args[1] = sources.toString();
    args[2] = "--kubeconfig";
    args[3] = cluster.kubeconfig().toString();
    args[4] = "--output=json";
    System.arraycopy(more, 0, args, 5, more.length);
    return Cli.run(args).assertNoStackTrace();
  }

  /** Applies {@code graph} through the runtime as the CLI does, and checks it succeeded. */
  private static RunSummary apply(Kube kube, UnitGraph graph) {
    RunSummary summary = new ClusterApply(kube.client(), Version.NUMBER)
        .apply(graph, ApplyOptions.defaults(), false, Set.of(), new Scenario.Recorder());
    assertTrue(summary.succeeded(), () -> "failed " + summary.failed() + ", skipped " + summary.skipped());
    return summary;
  }

  private static InventoryRecords records(Kube kube, UnitGraph graph) {
    return new ApplySetInventory(kube.client(), graph.cluster(), Tooling.clusterc(Version.NUMBER)).read();
  }

  @Test
  @Order(1)
  void theExampleAppliedFromEmptyReachesHealth() {
    Path sources = Scenario.copyExample(EXAMPLE, dir);
    UnitGraph graph = Scenario.graph(sources);
    assertNull(cluster.client().apps().deployments().inNamespace("redpanda").withName("redpanda").get(),
        "the cluster starts empty");

    Cli.Result apply = clusterc("apply", sources);

    assertEquals(ExitCode.OK, apply.exit(), apply.toString());
    List<JsonNode> lines = Scenario.jsonLines(apply.out());
    JsonNode finished = Scenario.finished(lines);
    assertEquals(Scenario.objects(graph), finished.path("created").asInt(), apply.out());
    assertEquals(0, finished.path("failedUnits").asInt());
    assertEquals(Scenario.objects(graph), Scenario.events(lines, "object").stream()
        .filter(o -> o.path("change").asText().equals("created")).count(), "one created event per object");
    assertEquals(graph.units().stream().map(Unit::name).sorted().toList(),
        Scenario.events(lines, "unit-ready").stream().map(e -> e.path("unit").asText()).sorted().toList(),
        "every unit became ready");
    List<Deployment> deployments = cluster.client().apps().deployments().inAnyNamespace().list().getItems();
    List<String> gated = graph.units().stream().flatMap(u -> u.healthGates().stream())
        .filter(g -> g.kind().equals("Deployment")).map(ObjectId::toString).sorted().toList();
    assertFalse(gated.isEmpty(), "the apps are gated on their Deployments");
    for (Deployment deployment : deployments) {
      Integer ready = deployment.getStatus() == null ? null : deployment.getStatus().getReadyReplicas();
      assertEquals(deployment.getSpec().getReplicas(), ready,
          deployment.getMetadata().getName() + " rolled out (kwok made its pods Ready)");
    }
    assertEquals(gated.size(), deployments.size(), "every Deployment on the cluster is one of ours");
  }

  @Test
  @Order(2)
  void aSecondApplyWritesNothingAndDiffShowsOneChangedField() {
    Path sources = Scenario.copyExample(EXAMPLE, dir.resolve("same"));
    UnitGraph graph = Scenario.graph(sources);
    try (Kube kube = Kube.of(cluster.config())) {
      apply(kube, graph);
      RequestCounts before = kube.counts();

      RunSummary again = apply(kube, graph);

      RequestCounts sent = kube.counts().minus(before);
      int objects = Scenario.objects(graph);
      int gates = (int) graph.units().stream().mapToLong(u -> u.healthGates().size()).sum();
      assertEquals(0, sent.writes(), () -> "a second apply writes nothing; sent " + sent);
      assertEquals(objects, again.count(Change.UNCHANGED), "every object unchanged");
      // the review reads and dry-runs each object (2); each gate is read, its kind looked up once per unit
      // wait (2); the inventory's parent is read a handful of times
      long bound = 2L * objects + 2L * gates + 6;
      assertTrue(sent.requests() <= bound, () -> sent + " for " + objects + " objects and " + gates
          + " gates; at most " + bound + " expected");
    }
    Cli.Result same = clusterc("diff", sources);
    assertEquals(ExitCode.OK, same.exit(), same.toString());

    Path changed = Scenario.copyExample(EXAMPLE, dir.resolve("changed"));
    Scenario.edit(changed.resolve("apps.cluster"), "MQTT_PORT: \"1883\", MQTT_TOPIC: \"heatpump/readings\" }",
        "MQTT_PORT: \"8883\", MQTT_TOPIC: \"heatpump/readings\" }");
    Cli.Result diff = clusterc("diff", changed);

    assertEquals(ExitCode.FINDINGS, diff.exit(), diff.toString());
    JsonNode plan = Scenario.json(diff.out());
    List<JsonNode> touched = new ArrayList<>();
    plan.path("units").forEach(u -> u.path("objects").forEach(o -> {
      if (!o.path("change").asText().equals("unchanged")) {
        touched.add(o);
      }
    }));
    assertEquals(1, touched.size(), () -> "one object changes: " + touched);
    JsonNode object = touched.get(0);
    assertEquals("Deployment", object.path("object").path("kind").asText());
    assertEquals("heatpump-mqtt", object.path("object").path("name").asText());
    assertEquals("configured", object.path("change").asText());
    List<String> changedLines = object.path("diff").asText().lines()
        .filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---"))
        .toList();
    assertEquals(2, changedLines.size(), () -> "only the port's value changes:\n" + object.path("diff").asText());
    assertTrue(changedLines.get(0).startsWith("-") && changedLines.get(0).contains("1883"), changedLines::toString);
    assertTrue(changedLines.get(1).startsWith("+") && changedLines.get(1).contains("8883"), changedLines::toString);
  }

  @Test
  @Order(3)
  void anAppRemovedIsPrunedAndAForeignObjectWithOurLabelIsLeftAlone() {
    Path sources = Scenario.copyExample(EXAMPLE, dir);
    UnitGraph full = Scenario.graph(sources);
    try (Kube kube = Kube.of(cluster.config())) {
      apply(kube, full);
      String setId = kube.client().configMaps().inNamespace("kube-system").withName("clusterc-" + full.cluster())
          .get().getMetadata().getLabels().get(ApplySetKeys.ID);
      assertNotNull(setId, "the parent carries the set's id");
      // someone else's object, named like the app that goes, with our label copied; in a namespace that
      // stays, since the app's own namespace is pruned with it and Kubernetes deletes whatever it holds
      cluster.client().configMaps().inNamespace("heatpump-mqtt").resource(new ConfigMapBuilder()
          .withNewMetadata().withName("redpanda-sink").withNamespace("heatpump-mqtt")
          .addToLabels(ApplySetKeys.PART_OF, setId).endMetadata()
          .addToData("owner", "someone else").build()).create();
      assertTrue(records(kube, full).ids().stream().anyMatch(id -> "redpanda-sink".equals(id.namespace())));

      removeApp(sources.resolve("apps.cluster"), "redpanda-sink");
      UnitGraph without = Scenario.graph(sources);
      RunSummary pruned = apply(kube, without);

      assertTrue(pruned.pruned() >= 2, () -> "the app's Deployment and Service pruned: " + pruned.pruned());
      assertNull(kube.client().apps().deployments().inNamespace("redpanda-sink").withName("redpanda-sink").get());
      assertNull(kube.client().services().inNamespace("redpanda-sink").withName("redpanda-sink").get());
      // The app's namespace, no longer declared, is pruned once it holds only ours; while the garbage
      // collector has not yet removed the deleted Deployment's ReplicaSet and Pods it is kept, and stays
      // recorded so that the next apply prunes it.
      var namespace = kube.client().namespaces().withName("redpanda-sink").get();
      boolean gone = namespace == null || namespace.getMetadata().getDeletionTimestamp() != null;
      assertTrue(gone || records(kube, without).ids().stream()
              .anyMatch(id -> id.kind().equals("Namespace") && id.name().equals("redpanda-sink")),
          "the app's namespace is pruned, or kept and still recorded");
      assertNotNull(kube.client().configMaps().inNamespace("heatpump-mqtt").withName("redpanda-sink").get(),
          "the foreign object with our label is left alone");
      InventoryRecords narrowed = records(kube, without);
      assertTrue(narrowed.records().stream().noneMatch(r -> "redpanda-sink".equals(r.object().namespace())
          || (r.object().name().equals("redpanda-sink") && !r.object().kind().equals("Namespace"))),
          () -> "the parent no longer records the app: " + narrowed.format());
      java.util.Set<dev.clusterc.runtime.model.ObjectId> recorded = new java.util.TreeSet<>(narrowed.ids());
      recorded.removeIf(id -> id.kind().equals("Namespace") && id.name().equals("redpanda-sink") && !gone);
      assertEquals(without.objectIds(), recorded, "the parent records what is declared (and a namespace kept)");
    }
  }

  /** Deletes the declaration {@code app NAME … { … }} (a block without nested braces in its env) from {@code file}. */
  private static void removeApp(Path file, String name) {
    try {
      String text = Files.readString(file);
      int start = text.indexOf("app " + name + " ");
      int depth = 0;
      int end = start;
      for (int i = text.indexOf('{', start); i < text.length(); i++) {
        depth += text.charAt(i) == '{' ? 1 : text.charAt(i) == '}' ? -1 : 0;
        if (depth == 0) {
          end = i + 1;
          break;
        }
      }
      Files.writeString(file, text.substring(0, start) + text.substring(end));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
