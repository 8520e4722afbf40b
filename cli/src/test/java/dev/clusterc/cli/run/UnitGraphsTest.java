package dev.clusterc.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.api.CompiledCluster;
import dev.clusterc.compiler.api.CompiledUnit;
import dev.clusterc.compiler.api.Delivery;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example's compiled units become the runtime's graph with the same names, order, edges, objects and gates. */
class UnitGraphsTest {
  static Path examples() {
    String repo = System.getProperty("clusterc.repo");
    Path dir = repo != null ? Path.of(repo) : Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("examples")) || !Files.isDirectory(dir.resolve("grammar"))) {
      dir = dir.getParent();
    }
    return dir.resolve("examples");
  }

  static CompiledCluster compiled(String example, Delivery delivery) {
    return ClusterCompiler.open(examples().resolve(example)).compile(delivery).cluster()
        .orElseThrow(() -> new AssertionError(example + " does not compile"));
  }

  @TestFactory
  Stream<DynamicTest> everyExampleConverts() throws IOException {
    List<Path> dirs;
    try (Stream<Path> list = Files.list(examples())) {
      dirs = list.filter(Files::isDirectory).sorted().toList();
    }
    return dirs.stream()
        .filter(d -> ClusterCompiler.open(d).compile().succeeded())
        .map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> converts(compiled(d.getFileName().toString(),
            Delivery.DECLARED))));
  }

  private static void converts(CompiledCluster cluster) {
    UnitGraph graph = UnitGraphs.of(cluster);
    assertEquals(cluster.name(), graph.cluster());
    assertEquals(cluster.units().stream().map(CompiledUnit::name).toList(), graph.units().stream().map(Unit::name).toList());
    for (int i = 0; i < graph.units().size(); i++) {
      CompiledUnit compiled = cluster.units().get(i);
      Unit unit = graph.units().get(i);
      assertEquals(compiled.layer(), unit.layer());
      assertEquals(compiled.dependencies(), unit.dependencies(), unit.name());
      assertEquals(compiled.manifests().stream().map(UnitGraphsTest::id).toList(), unit.objectIds(), unit.name());
      assertEquals(compiled.source().map(d -> d.kind() + " " + d.name()).orElse(null), unit.declaration());
      assertTrue(unit.objectIds().containsAll(unit.healthGates()), unit.name() + ": every gate is an object of the unit");
      assertEquals(compiled.healthGates().size(), unit.healthGates().size());
    }
  }

  @SuppressWarnings("unchecked")
  private static ObjectId id(Map<String, Object> tree) {
    Map<String, Object> metadata = (Map<String, Object>) tree.get("metadata");
    return new ObjectId(ObjectId.groupOf((String) tree.get("apiVersion")), (String) tree.get("kind"),
        (String) metadata.get("namespace"), (String) metadata.get("name"));
  }

  @Test
  void sealedSecretsTravelWithTheirUnitAndKeepTheirValues() {
    UnitGraph graph = UnitGraphs.of(compiled("fleet-infra", Delivery.DECLARED));
    var sealed = graph.units().stream().flatMap(u -> u.objects().stream())
        .filter(o -> o.getKind().equals("SealedSecret")).toList();
    assertTrue(!sealed.isEmpty(), "fleet-infra's sealed secrets are objects of the graph");
    sealed.forEach(o -> assertTrue(o.getMetadata().getNamespace() != null, o.getMetadata().getName() + " has a namespace"));
    assertTrue(sealed.get(0).getAdditionalProperties().containsKey("spec"), "the encrypted data is kept as it is");
  }

  @Test
  void theDeclarationIsWhatAPersonCallsTheUnit() {
    UnitGraph graph = UnitGraphs.of(compiled("ddd-homelab-local", Delivery.DIRECT));
    assertTrue(graph.units().stream().anyMatch(u -> u.title().startsWith("app ")),
        graph.units().stream().map(Unit::title).toList().toString());
    assertEquals("cluster " + graph.cluster(), graph.units().get(0).title());
  }
}
