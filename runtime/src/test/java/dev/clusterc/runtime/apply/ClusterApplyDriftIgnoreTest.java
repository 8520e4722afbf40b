package dev.clusterc.runtime.apply;

import static dev.clusterc.runtime.apply.Graphs.namespace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.Manifests;
import dev.clusterc.testapiserver.TestApiServer;
import dev.clusterc.testapiserver.WithTestApiServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ignore-drift} honoured by a change of the source: a field another manager owns (an autoscaler's
 * replicas) keeps its live value, so applying a new image neither conflicts with it nor resets it.
 */
@WithTestApiServer(crds = false)
class ClusterApplyDriftIgnoreTest {
  private static Kube kube;
  private static KubernetesClient other;

  @BeforeAll
  static void connect(TestApiServer server) {
    kube = Kube.of(server.config());
    other = server.client();
  }

  @AfterAll
  static void close() {
    kube.close();
  }

  private static UnitGraph web(String ns, String image, String ignore) {
    String yaml = namespace(ns) + """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: %s
          annotations: {%s}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "%s"}]
        """.formatted(ns, ignore, image);
    return new UnitGraph(ns, List.of(new Unit("web", "apps", "app web", Manifests.parse(yaml), List.of(),
        List.of())));
  }

  /** What an autoscaler does: scales through its own field manager. */
  private static void scale(String ns, int replicas) {
    other.apps().deployments().inNamespace(ns).withName("web").patch(new PatchContext.Builder()
        .withPatchType(PatchType.JSON_MERGE).withFieldManager("autoscaler").build(),
        "{\"spec\": {\"replicas\": " + replicas + "}}");
  }

  private static Deployment live(String ns) {
    return other.apps().deployments().inNamespace(ns).withName("web").get();
  }

  @Test
  void aNewImageKeepsTheReplicasAnAutoscalerSet() {
    String ns = "ignore-apply";
    String ignore = "clusterc.dev/drift-ignore: /spec/replicas";
    ClusterApply run = new ClusterApply(kube.client(), "test");
    assertTrue(run.apply(web(ns, "nginx:1.27", ignore), ApplyOptions.defaults(), false, Set.of(), RunListener.NONE)
        .succeeded());
    scale(ns, 4);

    Review review = run.review(web(ns, "nginx:1.28", ignore), 1, false, RunListener.NONE);
    assertEquals(1, review.plan().count(Change.CONFIGURED), review.plan()::toString);
    assertTrue(review.plan().changes().stream().allMatch(c -> c.conflicts().isEmpty()),
        () -> "no conflict over the replicas: " + review.plan());

    RunSummary changed = run.apply(web(ns, "nginx:1.28", ignore), ApplyOptions.defaults(), false, Set.of(),
        RunListener.NONE);
    assertTrue(changed.succeeded(), changed::toString);
    assertEquals(4, live(ns).getSpec().getReplicas(), "the autoscaler's replicas stay");
    assertEquals("nginx:1.28", live(ns).getSpec().getTemplate().getSpec().getContainers().get(0).getImage());

    RunSummary again = run.apply(web(ns, "nginx:1.28", ignore), ApplyOptions.defaults(), false, Set.of(),
        RunListener.NONE);
    assertEquals(2, again.count(Change.UNCHANGED), () -> "the other replicas are no change of ours: " + again);
  }

  @Test
  void withoutTheRuleTheReplicasConflict() {
    String ns = "ignore-apply-none";
    ClusterApply run = new ClusterApply(kube.client(), "test");
    assertTrue(run.apply(web(ns, "nginx:1.27", ""), ApplyOptions.defaults(), false, Set.of(), RunListener.NONE)
        .succeeded());
    scale(ns, 4);
    RunSummary changed = run.apply(web(ns, "nginx:1.28", ""), ApplyOptions.defaults(), false, Set.of(),
        RunListener.NONE);
    assertTrue(!changed.succeeded() && changed.failed().toString().contains("autoscaler"), changed::toString);
    assertEquals(4, live(ns).getSpec().getReplicas());
  }
}
