package dev.clusterc.runtime.apply;

import static dev.clusterc.runtime.apply.Graphs.configMap;
import static dev.clusterc.runtime.apply.Graphs.namespace;
import static dev.clusterc.runtime.apply.Graphs.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.inventory.Risk;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.TestApiServer;
import dev.clusterc.testapiserver.WithTestApiServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A stop (Ctrl-C) that comes while the review runs: nothing is written, not even the inventory's parent. */
@WithTestApiServer(crds = false)
class ClusterApplyStopTest {
  private static Kube kube;

  @BeforeAll
  static void connect(TestApiServer server) {
    kube = Kube.of(server.config());
  }

  @AfterAll
  static void close() {
    kube.close();
  }

  private static UnitGraph graph(String cluster) {
    return new UnitGraph(cluster, List.of(unit("a", List.of(), namespace(cluster) + "---\n"
        + configMap(cluster, "a", "1"))));
  }

  @Test
  void aStoppedReviewThrowsPlanStopped() {
    ClusterApply run = new ClusterApply(kube.client(), "test");
    run.cancel();
    assertThrows(PlanStopped.class, () -> run.review(graph("s1"), 2, false, event -> { }));
  }

  @Test
  void anApplyStoppedWhileReviewingWritesNothingAndSaysStopped() {
    ClusterApply run = new ClusterApply(kube.client(), "test");
    run.cancel();
    List<RunEvent> events = new ArrayList<>();
    RunSummary summary = run.apply(graph("s2"), ApplyOptions.defaults(), false, Set.<Risk>of(), events::add);
    assertTrue(summary.stopped());
    assertEquals(List.of("a"), List.copyOf(summary.skipped().keySet()));
    assertTrue(events.get(events.size() - 1) instanceof RunEvent.Finished f && f.stopped(), events.toString());
    assertNull(kube.client().configMaps().inNamespace("kube-system").withName("clusterc-s2").get(),
        "the inventory's parent is not widened after a stop");
    assertNull(kube.client().namespaces().withName("s2").get());
  }
}
