package dev.clusterc.runtime.apply;

import static dev.clusterc.runtime.apply.Graphs.configMap;
import static dev.clusterc.runtime.apply.Graphs.namespace;
import static dev.clusterc.runtime.apply.Graphs.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.runtime.inventory.ApplySetKeys;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.kube.RequestCounts;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.TestApiServer;
import dev.clusterc.testapiserver.WithTestApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Members read with one LIST per kind and set, and a plan built on them, on a real kube-apiserver. */
@WithTestApiServer(crds = false)
class LiveMembersTest {
  private static Kube kube;

  @BeforeAll
  static void connect(TestApiServer server) {
    kube = Kube.of(server.config());
  }

  @AfterAll
  static void close() {
    kube.close();
  }

  private static UnitGraph labelled(String set, Unit... units) {
    return new UnitGraph("lm", List.of(units).stream().map(u -> new Unit(u.name(), u.layer(), u.declaration(),
        u.objects().stream().map(o -> {
          GenericKubernetesResource copy = io.fabric8.kubernetes.client.utils.Serialization.clone(o);
          copy.getMetadata().setLabels(Map.of(ApplySetKeys.PART_OF, set));
          return copy;
        }).toList(), u.dependencies(), u.healthGates())).toList());
  }

  @Test
  void labelledObjectsAreListedAndPlannedWithoutAGetEach() {
    UnitGraph graph = labelled("set-a", unit("ns", List.of(), namespace("lm1") + "---\n" + namespace("lm2")),
        unit("a", List.of("ns"), configMap("lm1", "one", "1") + "---\n" + configMap("lm2", "two", "2")));
    new GraphApplier(kube.client(), ApplyOptions.defaults(), (gates, timeout, pending) -> HealthGate.Outcome.HEALTHY,
        InventoryHook.NONE, event -> {}).apply(graph);
    kube.client().configMaps().inNamespace("lm1").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("foreign").withNamespace("lm1").endMetadata().build()).create();

    Map<ObjectId, GenericKubernetesResource> live = LiveMembers.read(kube.client(), graph);

    assertEquals(Set.of(new ObjectId("", "Namespace", null, "lm1"), new ObjectId("", "Namespace", null, "lm2"),
        new ObjectId("", "ConfigMap", "lm1", "one"), new ObjectId("", "ConfigMap", "lm2", "two")), live.keySet());
    assertEquals("2", ((Map<?, ?>) live.get(new ObjectId("", "ConfigMap", "lm2", "two"))
        .getAdditionalProperties().get("data")).get("k"));

    UnitGraph changed = labelled("set-a", unit("ns", List.of(), namespace("lm1") + "---\n" + namespace("lm2")),
        unit("a", List.of("ns"), configMap("lm1", "one", "1") + "---\n" + configMap("lm2", "two", "changed")));
    RequestCounts before = kube.counts();
    Plan plan = new GraphPlanner(kube.client(), 2).plan(changed);
    RequestCounts sent = kube.counts().minus(before);

    assertEquals(List.of(Change.UNCHANGED, Change.UNCHANGED, Change.UNCHANGED, Change.CONFIGURED),
        plan.changes().stream().map(c -> c.change()).toList());
    assertEquals(4, sent.dryRuns());
    assertEquals(0, sent.writes());
    assertEquals(sent.dryRuns() + 2, sent.requests(), "two LISTs and the dry runs, no GET per object");
  }
}
