package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.emit.core.Unit;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What a Gateway API controller needs before it starts: the Gateway API CRDs. Cilium's operator
 * looks for them once, at start, and leaves its Gateway API support off for good when they are
 * missing; the others fail their informers until they appear. So every unit that releases a
 * controller watching Gateway API objects — read from the release's chart and effective values, as
 * the controller would — and every unit holding Gateway API objects, must depend (directly or
 * through other units) on the unit that releases the CRDs.
 *
 * <p>Which values turn the watching on is restated from the pinned charts: cilium 1.18.4
 * {@code gatewayAPI.enabled} (default false), traefik 37.3.0 {@code providers.kubernetesGateway.enabled}
 * (default false), Envoy Gateway's {@code gateway-helm} and NGINX Gateway Fabric always, k8s-gateway
 * when {@code watchedResources} names a route kind.
 */
class GatewayApiDependencyTruthTest {
  static final String CRD_CHART = "gateway-crds-helm";

  static final Map<String, String> INLINE = Map.of(
      "traefik-without-gateway", CheckFixture.FLUX_BASE + "use traefik\n",
      "envoy-and-nginx", CheckFixture.FLUX_BASE + """
          use envoy-gateway
          use nginx-gateway
          use metallb
          pool lb { range 10.0.0.100..10.0.0.120; via metallb }
          gateway a { address 10.0.0.100; class envoy-gateway; listener http {} }
          gateway b { address 10.0.0.101; class nginx; listener http {} }
          """);

  @TestFactory
  Stream<DynamicTest> everyGatewayApiWatcherWaitsForTheCrds() {
    return TruthClusters.all(INLINE).stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> assertTruth(c)));
  }

  @Test
  void theClustersIncludeEveryKindOfWatcher() {
    Set<String> charts = new java.util.TreeSet<>();
    for (TruthClusters.Case c : TruthClusters.all(INLINE)) {
      for (ChartReleases.Release release : ChartReleases.of(c.compilation())) {
        if (watches(release)) {
          charts.add(release.chart());
        }
      }
    }
    assertEquals(Set.of("cilium", "gateway-helm", "k8s-gateway", "nginx-gateway-fabric", "traefik"), charts);
  }

  static void assertTruth(TruthClusters.Case c) {
    List<ChartReleases.Release> releases = ChartReleases.of(c.compilation());
    List<Unit> crdUnits = releases.stream().filter(r -> r.chart().equals(CRD_CHART)).map(ChartReleases.Release::unit).toList();
    for (ChartReleases.Release release : releases) {
      if (watches(release)) {
        assertFalse(crdUnits.isEmpty(), c.name() + ": " + release.unit().name() + " watches Gateway API objects, but nothing installs the CRDs");
        assertTrue(reaches(release.unit(), crdUnits.get(0)),
            c.name() + ": unit " + release.unit().name() + " (chart " + release.chart() + ") must wait for " + crdUnits.get(0).name());
      }
    }
    for (Unit unit : c.compilation().units()) {
      if (unit.objects().stream().anyMatch(o -> "gateway.networking.k8s.io".equals(o.group()))) {
        assertTrue(reaches(unit, crdUnits.get(0)), c.name() + ": unit " + unit.name() + " holds Gateway API objects before their CRDs");
      }
    }
  }

  /** Whether the controller a release runs watches Gateway API objects, by its chart and effective values. */
  static boolean watches(ChartReleases.Release release) {
    Map<String, Object> values = release.effectiveValues(Map.of());
    return switch (release.chart()) {
      case "cilium" -> Boolean.TRUE.equals(ChartReleases.at(values, "gatewayAPI.enabled"));
      case "traefik" -> Boolean.TRUE.equals(ChartReleases.at(values, "providers.kubernetesGateway.enabled"));
      case "gateway-helm", "nginx-gateway-fabric" -> true;
      case "k8s-gateway" -> values.get("watchedResources") instanceof List<?> kinds
          && kinds.stream().anyMatch(k -> String.valueOf(k).endsWith("Route"));
      default -> false;
    };
  }

  private static boolean reaches(Unit from, Unit to) {
    Set<Unit> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Unit> todo = new ArrayDeque<>(from.dependsOn());
    while (!todo.isEmpty()) {
      Unit next = todo.pop();
      if (next == to) {
        return true;
      }
      if (seen.add(next)) {
        todo.addAll(next.dependsOn());
      }
    }
    return false;
  }

}
