package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Unit names that would take over an object someone else owns are qualified: {@code cluster} (the
 * cluster-wide unit) and {@code flux-system} (Flux's own Kustomization) for every kind; a plain
 * name that is another unit's {@code KIND-NAME} is qualified too, and a long one is shortened.
 */
class UnitNamesTest {
  @TestFactory
  Stream<DynamicTest> noKindTakesOverAReservedName() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String reserved : List.of("cluster", "flux-system")) {
      for (Kind kind : KindSamples.layeredKinds()) {
        tests.add(DynamicTest.dynamicTest(kind.keyword() + " " + reserved, () -> {
          Compilation compilation = SharedNamesTest.compile(List.of(kind), reserved);
          SharedNamesTest.assertWellNamed(compilation);
          assertEquals(reserved.equals(UnitNames.CLUSTER_UNIT) ? 1 : 0,
              compilation.units().stream().filter(u -> u.name().equals(reserved)).count(),
              "only the cluster-wide unit is called cluster, and no unit flux-system: " + SharedNamesTest.names(compilation));
          assertTrue(compilation.units().stream().filter(u -> u.name().equals(reserved)).allMatch(u -> u.decl().kind() == Kind.CLUSTER));
          SharedNamesTest.unitOf(compilation, kind, reserved).ifPresent(u -> assertEquals(kind.keyword() + "-" + reserved, u.name()));
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void anAppNamedFluxSystemLeavesFluxsKustomizationAlone() {
    Compilation compilation = SharedNamesTest.compile(List.of(Kind.APP), "flux-system");
    SharedNamesTest.assertWellNamed(compilation);
    assertEquals(List.of("cluster", "app-flux-system"), SharedNamesTest.names(compilation));
  }

  @Test
  void aPlainNameThatIsAnotherUnitsQualifiedNameIsQualifiedToo() {
    Program program = AppTestSupport.clean(KindSamples.CLUSTER + """
        volume x { size 1Gi; backup none }
        app x { image "a:1"; mount x at "/x" }
        app app-x { image "a:1" }
        app app-app-x { image "a:1" }
        app volume-y { image "a:1" }
        """);
    Compilation compilation = ManifestCompiler.compile(program);
    SharedNamesTest.assertWellNamed(compilation);
    assertEquals(List.of("cluster", "volume-x", "app-app-app-x", "app-app-x", "app-x", "volume-y"), SharedNamesTest.names(compilation));
    assertEquals("app-app-x", SharedNamesTest.unitOf(compilation, Kind.APP, "app-x").orElseThrow().name());
    assertEquals("app-x", SharedNamesTest.unitOf(compilation, Kind.APP, "x").orElseThrow().name());
  }

  @Test
  void aQualifiedNameLongerThanALabelValueIsShortenedAndStaysUnique() {
    String long1 = "a".repeat(60) + "bcd";
    String long2 = "a".repeat(60) + "bce";
    Program program = AppTestSupport.clean(KindSamples.CLUSTER + """
        volume LONG1 { size 1Gi; backup none }
        app LONG1 { image "a:1"; mount LONG1 at "/x" }
        volume LONG2 { size 1Gi; backup none }
        app LONG2 { image "a:1"; mount LONG2 at "/x" }
        """.replace("LONG1", long1).replace("LONG2", long2));
    Compilation compilation = ManifestCompiler.compile(program);
    SharedNamesTest.assertWellNamed(compilation);
    String app = SharedNamesTest.unitOf(compilation, Kind.APP, long1).orElseThrow().name();
    assertTrue(app.matches("app-a{42}\\.[0-9a-f]{16}"), app);
    assertFalse(app.equals(SharedNamesTest.unitOf(compilation, Kind.APP, long2).orElseThrow().name()));
    assertEquals(app, UnitNames.qualifiedName(program.decls(Kind.APP).get(0)), "the same name on every run");
  }
}
