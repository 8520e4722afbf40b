package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.kube.KubeObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Declarations of different kinds may share a name: every pair of deployed kinds, generated from
 * {@link Kind}, compiles under one shared name into units, directories and Flux Kustomizations
 * whose names are unique in the cluster, with every {@code dependsOn} naming a Kustomization that
 * exists.
 */
class SharedNamesTest {
  @TestFactory
  Stream<DynamicTest> everyPairOfKindsSharingANameCompiles() {
    List<DynamicTest> tests = new ArrayList<>();
    List<Kind> kinds = KindSamples.layeredKinds();
    for (int i = 0; i < kinds.size(); i++) {
      for (int j = i + 1; j < kinds.size(); j++) {
        List<Kind> pair = List.of(kinds.get(i), kinds.get(j));
        tests.add(DynamicTest.dynamicTest(pair.get(0).keyword() + " + " + pair.get(1).keyword(), () -> {
          Compilation compilation = compile(pair, "shared");
          assertWellNamed(compilation);
          assertFalse(names(compilation).contains("shared"), "both share the name, so neither keeps it plainly");
          for (Kind kind : pair) {
            if (kind != Kind.BACKUP) {
              assertEquals(kind.keyword() + "-shared", unitOf(compilation, kind, "shared").orElseThrow().name());
            }
          }
        }));
      }
    }
    assertEquals(kinds.size() * (kinds.size() - 1) / 2, tests.size());
    return tests.stream();
  }

  @Test
  void everyKindSharingOneNameCompiles() {
    Compilation compilation = compile(KindSamples.layeredKinds(), "shared");
    assertWellNamed(compilation);
    List<Kind> without = KindSamples.layeredKinds().stream().filter(k -> unitOf(compilation, k, "shared").isEmpty()).toList();
    assertEquals(List.of(Kind.BACKUP), without, "a backup policy is applied by what it covers; every other sample fills a unit");
  }

  @Test
  void theIssuesReproducerCompiles() {
    Program program = AppTestSupport.clean("""
        cluster c { domain "x.test"; network { nodes 10.0.0.0/24 } }
        node n { role control-plane; address 10.0.0.1 }
        volume x { size 1Gi; backup none }
        app x { image "a:1" }
        """);
    Compilation compilation = ManifestCompiler.compile(program);
    assertEquals(List.of("cluster", "volume-x", "app-x"), names(compilation));
    assertEquals(List.of(compilation.units().get(1)), compilation.units().get(2).dependsOn(),
        "app x waits for volume x, the storage layer below it (the ladder), never for itself");
  }

  @Test
  void anAppWaitsForTheVolumeOfItsNameNotForItself() {
    Program program = AppTestSupport.clean(KindSamples.CLUSTER + """
        volume x { size 1Gi; backup none }
        app x { image "a:1"; mount x at "/data" }
        """);
    Compilation compilation = ManifestCompiler.compile(program);
    assertWellNamed(compilation);
    assertEquals(List.of("cluster", "volume-x", "app-x"), names(compilation));
    assertEquals(List.of(compilation.units().get(1)), compilation.units().get(2).dependsOn());
  }

  @Test
  void aComponentTurnedOnAndAGatewayOfItsNameCompile() {
    Program program = AppTestSupport.clean(KindSamples.CLUSTER + """
        use traefik
        pool lb { range 10.0.0.100..10.0.0.149; via metallb }
        use metallb
        gateway traefik { class traefik; listener http { hostname "*.example.org" } }
        """);
    Compilation compilation = ManifestCompiler.compile(program);
    assertWellNamed(compilation);
    assertTrue(names(compilation).containsAll(List.of("component-traefik", "gateway-traefik")), names(compilation).toString());
  }

  @Test
  void theNamesDoNotDependOnTheOrderOfTheDeclarations() {
    List<Kind> kinds = new ArrayList<>(KindSamples.layeredKinds());
    List<String> forward = names(compile(kinds, "shared"));
    Collections.reverse(kinds);
    List<String> backward = names(compile(kinds, "shared"));
    assertEquals(Set.copyOf(forward), Set.copyOf(backward));
    assertEquals(forward, backward, "and the apply order is the same");
  }

  static Compilation compile(List<Kind> kinds, String name) {
    Program program = CheckFixture.program(KindSamples.cluster(kinds, name), KindSamples.files(name));
    assertEquals("", CheckFixture.render(program.diagnostics().stream().filter(Diagnostic::isError).toList()),
        "the sample cluster has errors");
    return ManifestCompiler.compile(program);
  }

  static List<String> names(Compilation compilation) {
    return compilation.units().stream().map(Unit::name).toList();
  }

  static Optional<Unit> unitOf(Compilation compilation, Kind kind, String name) {
    return compilation.units().stream()
        .filter(u -> u.decl() != null && u.decl().kind() == kind && u.decl().name().equals(name)).findFirst();
  }

  /**
   * Unit names unique, each a valid Kustomization name of at most 63 characters and not Flux's own;
   * unit directories unique; one Flux Kustomization per unit, named as it, reading its directory;
   * every {@code dependsOn} naming one of them.
   */
  @SuppressWarnings("unchecked")
  static void assertWellNamed(Compilation compilation) {
    List<String> names = names(compilation);
    assertEquals(names.size(), Set.copyOf(names).size(), "unit names are unique: " + names);
    for (String name : names) {
      assertTrue(name.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?") && name.length() <= 63, name);
      assertFalse(UnitNames.RESERVED.contains(name) && !name.equals("cluster"), name);
    }
    Map<String, String> objects = new HashMap<>();
    for (Unit unit : compilation.units()) {
      for (KubeObject object : unit.objects()) {
        String key = object.kind() + "." + object.group() + " " + object.namespace() + "/" + object.name();
        String other = objects.put(key, unit.name());
        assertTrue(other == null, key + " is in " + other + " and in " + unit.name());
      }
    }
    Set<String> directories = new HashSet<>();
    compilation.units().forEach(u -> assertTrue(directories.add(u.layer() + "/" + u.name()), "directory " + u.layer() + "/" + u.name()));
    Map<String, Map<String, Object>> kustomizations = new LinkedHashMap<>();
    for (KubeObject object : compilation.flux()) {
      if (object.kind().equals("Kustomization")) {
        assertEquals("flux-system", object.namespace());
        Map<String, Object> spec = (Map<String, Object>) object.get("spec");
        assertTrue(kustomizations.put(object.name(), spec) == null, "Kustomization " + object.name());
      }
    }
    assertFalse(kustomizations.containsKey("flux-system"), "Flux's own Kustomization is left alone");
    assertEquals(names, List.copyOf(kustomizations.keySet()), "one Kustomization per unit, in apply order");
    Set<Object> paths = new HashSet<>();
    for (Unit unit : compilation.units()) {
      Map<String, Object> spec = kustomizations.get(unit.name());
      assertEquals("./clusters/test/" + unit.layer() + "/" + unit.name(), spec.get("path"));
      assertTrue(paths.add(spec.get("path")), "path " + spec.get("path"));
      List<Map<String, Object>> dependsOn = (List<Map<String, Object>>) spec.getOrDefault("dependsOn", List.of());
      for (Map<String, Object> reference : dependsOn) {
        assertTrue(kustomizations.containsKey(reference.get("name")), unit.name() + " depends on " + reference);
        assertFalse(reference.get("name").equals(unit.name()), unit.name() + " depends on itself");
      }
      assertEquals(unit.dependsOn().stream().map(Unit::name).toList(), dependsOn.stream().map(r -> r.get("name")).toList());
    }
  }
}
