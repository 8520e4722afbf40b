package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Gateway;
import dev.clusterc.compiler.model.Listener;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What Traefik needs to serve a Gateway: it attaches a listener only to an entry point whose own
 * (container) port equals the listener's {@code port}, and users reach that entry point on its
 * Service port ({@code exposedPort}). For every cluster with {@code traefik}-class gateways, each
 * listener of the emitted Gateway must match exactly one entry point of the Traefik release's
 * effective values, exposed on the port the source wrote.
 *
 * <p>The chart's defaults are restated here from the traefik chart 37.3.0 ({@code values.yaml},
 * {@code ports}), the version the standard library pins; rendering the chart would need it
 * fetched from its repository, which tests do not reach.
 */
class TraefikEntryPointsTruthTest {
  /** traefik/traefik 37.3.0 values.yaml, {@code ports}: container port, Service port, exposed by default. */
  static final Map<String, Object> CHART_DEFAULTS = Map.of("ports", Map.of(
      "traefik", Map.of("port", 8080, "exposedPort", 8080, "expose", Map.of("default", false)),
      "web", Map.of("port", 8000, "exposedPort", 80, "expose", Map.of("default", true)),
      "websecure", Map.of("port", 8443, "exposedPort", 443, "expose", Map.of("default", true)),
      "metrics", Map.of("port", 9100, "exposedPort", 9100, "expose", Map.of("default", false))));

  /** Listeners on the usual ports, on ports above 1024 (one the chart's own entry point takes) and on one below. */
  static final Map<String, String> INLINE = Map.of("traefik-ports", CheckFixture.FLUX_BASE + """
      use traefik
      use metallb
      pool lb { range 10.0.0.100..10.0.0.120; via metallb }
      gateway web {
        address  10.0.0.100
        class    traefik
        listener http {}
        listener alt { protocol http; port 8081 }
        listener low { protocol http; port 81 }
        listener dash { protocol http; port 8080 }
      }
      gateway other {
        class    traefik
        listener http { hostname "a.example.org" }
      }
      """);

  @TestFactory
  Stream<DynamicTest> everyTraefikListenerIsServedByAnExposedEntryPoint() {
    return TruthClusters.all(INLINE).stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> assertServed(c)));
  }

  @Test
  void theClustersIncludeTraefikGateways() {
    long withTraefik = TruthClusters.all(INLINE).stream().filter(c -> !traefikGateways(c.compilation()).isEmpty()).count();
    assertTrue(withTraefik >= 2, "example fleet-infra and the inline cluster have traefik gateways: " + withTraefik);
  }

  /** The chart's defaults alone serve no listener on 80 or 443: the mapping is what makes routes work. */
  @Test
  void theChartsDefaultsServeNoListenerOnTheServicePorts() {
    assertEquals(List.of(), entryPointsOn(CHART_DEFAULTS, 80));
    assertEquals(List.of(), entryPointsOn(CHART_DEFAULTS, 443));
    assertEquals(List.of("web"), entryPointsOn(CHART_DEFAULTS, 8000));
  }

  static void assertServed(TruthClusters.Case c) {
    List<KubeObject> gateways = traefikGateways(c.compilation());
    if (gateways.isEmpty()) {
      return;
    }
    List<ChartReleases.Release> releases = ChartReleases.ofChart(c.compilation(), "traefik");
    assertEquals(1, releases.size(), c.name() + ": one Traefik release serves the traefik gateways");
    Map<String, Object> values = releases.get(0).effectiveValues(CHART_DEFAULTS);
    assertDistinctContainerPorts(c.name(), values);
    for (KubeObject object : gateways) {
      Gateway gateway = Gateway.of(c.program().model(), declNamed(c, object.name()));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> listeners = (List<Map<String, Object>>) object.map("spec").get("listeners");
      for (Map<String, Object> emitted : listeners) {
        Listener written = gateway.listeners().stream().filter(l -> l.name().equals(emitted.get("name"))).findFirst().orElseThrow();
        int port = ((Number) emitted.get("port")).intValue();
        List<String> entryPoints = entryPointsOn(values, port);
        String where = c.name() + ": gateway " + object.name() + " listener " + written.name() + " (port " + port + ")";
        assertEquals(1, entryPoints.size(), where + " must match exactly one entry point, matches " + entryPoints);
        Map<String, Object> entryPoint = entryPoint(values, entryPoints.get(0));
        assertEquals(Boolean.TRUE, ChartReleases.at(entryPoint, "expose.default"), where + ": its entry point must be exposed");
        assertEquals(written.port(), ((Number) entryPoint.get("exposedPort")).intValue(),
            where + ": the Service must answer on the port the source wrote");
      }
    }
  }

  private static void assertDistinctContainerPorts(String name, Map<String, Object> values) {
    Set<Object> seen = new HashSet<>();
    @SuppressWarnings("unchecked")
    Map<String, Object> ports = (Map<String, Object>) values.get("ports");
    ports.forEach((entry, spec) -> assertTrue(seen.add(((Map<?, ?>) spec).get("port")),
        name + ": two entry points listen on " + ((Map<?, ?>) spec).get("port")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> entryPoint(Map<String, Object> values, String name) {
    return (Map<String, Object>) ((Map<String, Object>) values.get("ports")).get(name);
  }

  @SuppressWarnings("unchecked")
  static List<String> entryPointsOn(Map<String, Object> values, int port) {
    List<String> names = new ArrayList<>();
    ((Map<String, Object>) values.get("ports")).forEach((name, spec) -> {
      if (spec instanceof Map<?, ?> map && map.get("port") instanceof Number n && n.intValue() == port) {
        names.add(name);
      }
    });
    return names;
  }

  private static List<KubeObject> traefikGateways(Compilation compilation) {
    List<KubeObject> gateways = new ArrayList<>();
    for (Unit unit : compilation.units()) {
      for (KubeObject object : unit.objects()) {
        if (object.kind().equals("Gateway") && "traefik".equals(object.map("spec").get("gatewayClassName"))) {
          gateways.add(object);
        }
      }
    }
    assertFalse(gateways.stream().anyMatch(g -> g.name() == null));
    return gateways;
  }

  private static Decl declNamed(TruthClusters.Case c, String name) {
    return c.program().decls(Kind.GATEWAY).stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }
}
