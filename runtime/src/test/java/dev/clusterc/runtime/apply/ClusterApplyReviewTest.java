package dev.clusterc.runtime.apply;

import static dev.clusterc.runtime.apply.Graphs.namespace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.inventory.Risk;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.kube.RequestCounts;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.Manifests;
import dev.clusterc.testapiserver.TestApiServer;
import dev.clusterc.testapiserver.WithTestApiServer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A review computes consequences from the objects the plan read: no second read per changed object. */
@WithTestApiServer(crds = false)
class ClusterApplyReviewTest {
  private static Kube kube;

  @BeforeAll
  static void connect(TestApiServer server) {
    kube = Kube.of(server.config());
  }

  @AfterAll
  static void close() {
    kube.close();
  }

  /** {@code count} LoadBalancer Services in namespace {@code ns}, each pinned to 10.77.{last}.N. */
  private static UnitGraph services(String ns, int count, int last) {
    String yaml = namespace(ns) + IntStream.range(0, count).mapToObj(i -> "---\n{apiVersion: v1, kind: Service,"
        + " metadata: {name: s" + i + ", namespace: " + ns + "}, spec: {type: LoadBalancer, loadBalancerIP: 10.77."
        + last + "." + (i + 1) + ", ports: [{port: 80}]}}\n").collect(Collectors.joining());
    return new UnitGraph(ns, List.of(new Unit("lb", "apps", "app lb", Manifests.parse(yaml), List.of(), List.of())));
  }

  /** The requests a review of {@code graph} sends, minus its dry runs: its reads. */
  private static long reads(ClusterApply run, UnitGraph graph, List<Review> out) {
    RequestCounts before = kube.counts();
    out.add(run.review(graph, 1, false, RunListener.NONE));
    RequestCounts sent = kube.counts().minus(before);
    return sent.requests() - sent.dryRuns() - sent.writes();
  }

  @Test
  void consequencesCostNoExtraReadPerChangedObject() {
    ClusterApply run = new ClusterApply(kube.client(), "test");
    run.apply(services("r1", 1, 1), ApplyOptions.defaults(), false, Set.of(), RunListener.NONE);
    run.apply(services("r6", 6, 1), ApplyOptions.defaults(), false, Set.of(), RunListener.NONE);
    List<Review> reviews = new java.util.ArrayList<>();
    long one = reads(run, services("r1", 1, 2), reviews);
    long six = reads(run, services("r6", 6, 2), reviews);
    Review review = reviews.get(1);
    assertEquals(6, review.plan().count(Change.CONFIGURED), review.plan()::toString);
    assertEquals(6, review.consequences().stream().filter(c -> c.risk() == Risk.ADDRESS_MOVES).count(),
        review.consequences()::toString);
    assertTrue(review.consequences().get(0).toString().contains("10.77.2.1"), review.consequences()::toString);
    assertTrue(six <= one, "members are read with one LIST per kind (LiveMembers) and consequences read nothing more,"
        + " so five more changed objects cost no read: " + one + " reads for one, " + six + " for six");
  }
}
