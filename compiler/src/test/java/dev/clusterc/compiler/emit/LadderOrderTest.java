package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.emit.core.Unit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ladder as an order: every unit waits for the lower layers, through as few edges as reach them. */
class LadderOrderTest {
  private static final String HEAD = """
      cluster lab {
        domain "lab.example"
        network { nodes 10.0.0.0/24; router 10.0.0.1 }
        gitops flux { repository "https://git.example/lab"%s }
      }
      node cp { role control-plane; address 10.0.0.2 }
      node w1 { role worker; address 10.0.0.11 }
      """;
  private static final String BODY = """
      use cert-manager
      use cloudnative-pg
      volume data { size 1Gi; backup none }
      volume cache { size 1Gi; backup none }
      database pg { size 1Gi; backup none }
      app web { image "nginx:1.27"; mount data at "/data" }
      app worker { image "busybox:1.36"; depends-on [web] }
      """;

  /** Each unit's dependsOn, by unit name, in apply order. */
  private static Map<String, String> dependsOn(String ordering, String body) {
    Compilation compilation = ManifestCompiler.compile(CheckFixture.program(HEAD.formatted(ordering) + body));
    Map<String, String> out = new LinkedHashMap<>();
    for (Unit unit : compilation.units()) {
      out.put(unit.layer() + "/" + unit.name(), unit.dependsOn().stream().map(Unit::name).collect(Collectors.joining(",")));
    }
    return out;
  }

  @Test
  void byDefaultEveryUnitWaitsForTheLayerBelowThroughItsTopsOrABarrier() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("crds/cluster", "");
    expected.put("controllers/cert-manager", "cluster");
    expected.put("controllers/cloudnative-pg", "cluster");
    expected.put("controllers/layer.controllers", "cert-manager,cloudnative-pg");
    expected.put("storage/cache", "layer.controllers");
    expected.put("storage/data", "layer.controllers");
    expected.put("storage/pg", "layer.controllers");
    expected.put("storage/layer.storage", "cache,data,pg");
    expected.put("apps/web", "layer.storage");
    expected.put("apps/worker", "web");
    assertEquals(expected, dependsOn("", BODY),
        "web's edge to data is implied by the barrier; worker waits for web, which waits for the layers below");
  }

  @Test
  void orderingEdgesKeepsOnlyTheRealEdges() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("crds/cluster", "");
    expected.put("controllers/cert-manager", "cluster");
    expected.put("controllers/cloudnative-pg", "cluster");
    expected.put("storage/cache", "cluster");
    expected.put("storage/data", "cluster");
    expected.put("storage/pg", "cloudnative-pg");
    expected.put("apps/web", "data");
    expected.put("apps/worker", "web");
    assertEquals(expected, dependsOn("; ordering edges", BODY));
  }

  @Test
  void aLayerWithOneTopNeedsNoBarrier() {
    Map<String, String> units = dependsOn("", """
        use cloudnative-pg
        database pg { size 1Gi; backup none }
        app web { image "nginx:1.27" }
        """);
    assertEquals("cloudnative-pg", units.get("storage/pg"));
    assertEquals("pg", units.get("apps/web"));
    assertEquals(4, units.size(), "no barrier: " + units);
  }

  @Test
  void manyAppsOverManyVolumesNeedLinearlyManyEdges() {
    StringBuilder body = new StringBuilder();
    int n = 300;
    for (int i = 0; i < n; i++) {
      body.append("volume v").append(i).append(" { size 1Gi; backup none }\n");
      body.append("app a").append(i).append(" { image \"nginx:1.27\"; mount v").append(i).append(" at \"/data\" }\n");
    }
    Map<String, String> units = dependsOn("", body.toString());
    long edges = units.values().stream().filter(s -> !s.isEmpty()).mapToLong(s -> s.split(",").length).sum();
    assertTrue(edges <= 3L * n, edges + " edges for " + n + " apps");
    assertEquals("layer.storage", units.get("apps/a7"));
  }

  @Test
  void theBarrierNameIsAKustomizationName() {
    assertEquals("layer.my-apps", LadderOrder.barrierName("My_Apps"));
    assertTrue(LadderOrder.barrierName("x".repeat(100)).length() <= 63);
    String cut = LadderOrder.barrierName("x".repeat(56) + "_y");
    assertEquals("layer." + "x".repeat(56), cut, "a name cut after a `-` does not end in one");
  }
}
