package dev.clusterc.runtime.inventory;

import static dev.clusterc.runtime.inventory.TestObjects.object;
import static dev.clusterc.runtime.inventory.TestObjects.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.UnitGraph;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class InventoryRecordsTest {

  static UnitGraph graph() {
    return new UnitGraph("home", List.of(
        unit("web-ns", List.of(), object("v1", "Namespace", null, "web")),
        unit("web", List.of("web-ns"), object("apps/v1", "Deployment", "web", "web"),
            object("v1", "Service", "web", "web")),
        unit("db", List.of(), object("postgresql.cnpg.io/v1", "Cluster", "data", "pg"))));
  }

  @Test
  void recordsEveryObjectWithItsUnitAndPositions() {
    InventoryRecords records = InventoryRecords.of(graph());
    assertEquals(List.of(
        new InventoryRecord(new ObjectId("", "Namespace", null, "web"), "web-ns", 0, 0),
        new InventoryRecord(new ObjectId("apps", "Deployment", "web", "web"), "web", 1, 0),
        new InventoryRecord(new ObjectId("", "Service", "web", "web"), "web", 1, 1),
        new InventoryRecord(new ObjectId("postgresql.cnpg.io", "Cluster", "data", "pg"), "db", 2, 0)),
        records.records());
    assertEquals(List.of("Cluster.postgresql.cnpg.io", "Deployment.apps", "Namespace", "Service"), records.groupKinds());
    assertEquals(List.of("data", "web"), records.namespaces());
  }

  @Test
  void storedTextIsOneLinePerRecord() {
    assertEquals(InventoryRecords.HEADER + "\n"
        + "0\t0\tweb-ns\t\tNamespace\t\tweb\n"
        + "1\t0\tweb\tapps\tDeployment\tweb\tweb\n"
        + "1\t1\tweb\t\tService\tweb\tweb\n"
        + "2\t0\tdb\tpostgresql.cnpg.io\tCluster\tdata\tpg\n", InventoryRecords.of(graph()).format());
  }

  @Test
  void unionPrefersTheNewerRecord() {
    InventoryRecord oldWeb = new InventoryRecord(new ObjectId("apps", "Deployment", "web", "web"), "old", 7, 3);
    InventoryRecord gone = new InventoryRecord(new ObjectId("", "ConfigMap", "web", "old"), "old", 7, 4);
    InventoryRecords union = InventoryRecords.of(List.of(oldWeb, gone)).union(InventoryRecords.of(graph()));
    assertEquals(5, union.records().size());
    assertEquals("web", union.records().stream().filter(r -> r.object().equals(oldWeb.object())).findFirst()
        .orElseThrow().unit());
    assertTrue(union.ids().contains(gone.object()));
  }

  @Test
  void unreadableLinesAreRefusedWithTheirNumber() {
    InventoryException e = assertThrows(InventoryException.class,
        () -> InventoryRecords.parse(InventoryRecords.HEADER + "\n0\t0\tu\t\tConfigMap\tns\n"));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertThrows(InventoryException.class, () -> InventoryRecords.parse("x\t0\tu\t\tConfigMap\tns\tn\n"));
    assertThrows(InventoryException.class,
        () -> InventoryRecords.parse("0\t0\tu\t\tConfigMap\tns\tn\n1\t0\tu\t\tConfigMap\tns\tn\n"));
  }

  @Property(tries = 200)
  void parseReadsWhatFormatWrote(@ForAll("records") List<InventoryRecord> records) {
    InventoryRecords inventory = InventoryRecords.of(records);
    assertEquals(inventory, InventoryRecords.parse(inventory.format()));
  }

  @Provide
  Arbitrary<List<InventoryRecord>> records() {
    Arbitrary<String> names = Arbitraries.strings().withChars("abcxyz-.0").ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> maybe = Arbitraries.oneOf(Arbitraries.just(""), names);
    Arbitrary<InventoryRecord> record = Combinators.combine(maybe, names, maybe, names, names,
        Arbitraries.integers().between(0, 50), Arbitraries.integers().between(0, 9))
        .as((group, kind, namespace, name, unit, u, o) ->
            new InventoryRecord(new ObjectId(group, kind, namespace, name), unit, u, o));
    return record.list().ofMaxSize(12).map(list -> {
      List<InventoryRecord> unique = new ArrayList<>();
      list.forEach(r -> {
        if (unique.stream().noneMatch(x -> x.object().equals(r.object()))) {
          unique.add(r);
        }
      });
      return unique;
    });
  }
}
