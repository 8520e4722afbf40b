package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.apply.ApplyOptions;
import dev.clusterc.runtime.apply.ClusterApply;
import dev.clusterc.runtime.apply.RunSummary;
import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.inventory.ApplySetInventory;
import dev.clusterc.runtime.inventory.ApplySetKeys;
import dev.clusterc.runtime.inventory.ApplySetParent;
import dev.clusterc.runtime.inventory.Tooling;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kube-apiserver killed in the middle of an apply (once the app redpanda is healthy, so its dependents
 * start against a dead server) and started again once a unit failed: the interrupted apply returns,
 * failed, instead of hanging; the next apply converges; nothing is left on the cluster with our label
 * that the inventory and the sources do not both name, and a foreign object carrying our label survives.
 */
@WithTestCluster
class ApiServerCrashClusterTest {
  static TestCluster cluster;

  @TempDir Path dir;

  @Test
  void anApplyCutByACrashFailsCleanlyAndTheNextConvergesWithNothingOrphaned() throws InterruptedException {
    UnitGraph graph = Scenario.graph(Scenario.copyExample("ddd-homelab-local", dir));
    Unit redpanda = graph.units().stream().filter(u -> "app redpanda".equals(u.declaration())).findFirst()
        .orElseThrow();
    assertFalse(graph.dependents(redpanda.name()).isEmpty(), "units wait for redpanda, so they start after it");
    String setId = ApplySetParent.forCluster(graph.cluster()).id();
    GenericKubernetesResource anyDeployment = redpanda.objects().stream()
        .filter(o -> o.getKind().equals("Deployment")).findFirst().orElseThrow();
    String foreignNamespace = anyDeployment.getMetadata().getNamespace();

    AtomicBoolean killed = new AtomicBoolean();
    AtomicReference<Thread> restart = new AtomicReference<>();
    Scenario.Recorder events = new Scenario.Recorder();
    RunListener crash = event -> {
      events.on(event);
      if (event instanceof RunEvent.UnitReady ready && ready.unit().equals(redpanda.name()) && !killed.get()) {
        // another tool's object, named like ours, in our namespace, with our label copied onto it
        cluster.client().configMaps().inNamespace(foreignNamespace).resource(new ConfigMapBuilder()
            .withNewMetadata().withName(anyDeployment.getMetadata().getName() + "-copy")
            .withNamespace(foreignNamespace).addToLabels(ApplySetKeys.PART_OF, setId).endMetadata()
            .addToData("owner", "someone else").build()).create();
        cluster.stopApiServer();
        killed.set(true);
      }
      if (event instanceof RunEvent.UnitFailed && killed.get() && restart.get() == null) {
        Thread thread = new Thread(cluster::startApiServer, "restart kube-apiserver");
        restart.set(thread);
        thread.start();
      }
    };

    RunSummary interrupted;
    try (Kube kube = Kube.of(cluster.config())) {
      interrupted = new ClusterApply(kube.client(), Version.NUMBER)
          .apply(graph, ApplyOptions.defaults(), false, Set.of(), crash);
    }
    assertTrue(killed.get(), "the API server was killed mid-apply");
    assertNotNull(restart.get(), () -> "a unit failed while the server was down: " + events.events());
    restart.get().join();

    assertFalse(interrupted.succeeded(), "the interrupted apply says it failed");
    assertFalse(interrupted.failed().isEmpty(), interrupted::toString);
    interrupted.failed().values().forEach(reason -> assertTrue(reason.contains("Connection refused"),
        () -> "the reason says the server could not be reached: " + reason));
    assertEquals(1, events.of(RunEvent.Finished.class).size(), "the interrupted apply finished");
    assertTrue(events.of(RunEvent.Finished.class).get(0).failedUnits() > 0);

    try (Kube kube = Kube.of(cluster.config())) {
      Scenario.Recorder next = new Scenario.Recorder();
      RunSummary converged = new ClusterApply(kube.client(), Version.NUMBER)
          .apply(graph, ApplyOptions.defaults(), false, Set.of(), next);
      assertTrue(converged.succeeded(), () -> "failed " + converged.failed() + ", skipped " + converged.skipped());
      assertEquals(graph.units().size(), next.of(RunEvent.UnitReady.class).size(), "every unit healthy");

      Set<ObjectId> recorded = new ApplySetInventory(kube.client(), graph.cluster(), Tooling.clusterc(Version.NUMBER))
          .read().ids();
      Set<ObjectId> labelled = labelled(kube, graph, setId);
      ObjectId foreign = new ObjectId("", "ConfigMap", foreignNamespace, anyDeployment.getMetadata().getName() + "-copy");
      assertTrue(labelled.contains(foreign), "the foreign object survived both applies");
      labelled.remove(foreign);
      assertEquals(graph.objectIds(), labelled, "everything with our label is declared, and everything declared is there");
      assertEquals(graph.objectIds(), recorded, "the inventory records exactly what is declared");
    }
  }

  /** Every object on the cluster of a kind the graph has, or a ConfigMap, carrying set {@code setId}'s label. */
  private static Set<ObjectId> labelled(Kube kube, UnitGraph graph, String setId) {
    Set<String> kinds = new TreeSet<>(List.of("v1/ConfigMap"));
    graph.units().forEach(u -> u.objects().forEach(o -> kinds.add(o.getApiVersion() + "/" + o.getKind())));
    Set<ObjectId> found = new TreeSet<>();
    for (String kind : kinds) {
      int slash = kind.lastIndexOf('/');
      List<GenericKubernetesResource> items = new ArrayList<>(kube.client()
          .genericKubernetesResources(kind.substring(0, slash), kind.substring(slash + 1))
          .inAnyNamespace().withLabel(ApplySetKeys.PART_OF, setId).list().getItems());
      items.forEach(o -> found.add(ObjectId.of(o)));
    }
    return found;
  }
}
