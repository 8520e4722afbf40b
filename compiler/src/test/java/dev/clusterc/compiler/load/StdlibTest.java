package dev.clusterc.compiler.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.Component;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The standard library parses, binds and checks clean, and every component says what it is. */
class StdlibTest {
  private static final List<String> REQUIRED = List.of("cilium", "kube-vip", "metallb", "cert-manager", "envoy-gateway",
      "traefik", "k8s-gateway", "external-secrets", "sealed-secrets", "snapshot-controller", "volsync", "cloudnative-pg",
      "longhorn", "velero", "gateway-api");

  @Test
  void everyFileParsesWithoutDiagnostics() {
    Map<String, SourceUnit> units = Stdlib.units();
    assertFalse(units.isEmpty(), "the standard library is on the class path");
    for (SourceUnit unit : units.values()) {
      assertEquals(List.of(), unit.diagnostics(), unit.file().path());
    }
  }

  @Test
  void theBriefsComponentsArePresent() {
    for (String name : REQUIRED) {
      assertTrue(Stdlib.units().containsKey("std/" + name), "std/" + name + ".cluster");
    }
  }

  /** A cluster that turns every component on checks clean, and each has a layer, namespace, pinned chart and capabilities. */
  @Test
  void usingEveryComponentChecksClean() {
    String uses = components().stream().map(n -> "use " + n).collect(Collectors.joining("\n"));
    Program program = CheckFixture.program(CheckFixture.BASE + uses + "\n");
    assertEquals("", CheckFixture.render(program.diagnostics()));
    List<Decl> used = program.decls(Kind.COMPONENT);
    assertEquals(components().size(), used.size());
    for (Decl component : used) {
      assertTrue(component.layer() != null, component + " has a layer");
      assertTrue(component.body().sym("namespace").isPresent(), component + " has a namespace");
      var chart = component.body().first("chart").orElseThrow(() -> new AssertionError(component + " has a chart"));
      assertTrue(chart.str("version").filter(v -> v.matches("v?[0-9]+\\.[0-9]+\\.[0-9]+.*")).isPresent(), component + " pins a version");
      assertFalse(Component.of(program.model(), component).provides().isEmpty(), component + " provides something");
    }
  }

  @Test
  void templatesAreWellFormed() {
    String uses = components().stream().map(n -> "use " + n).collect(Collectors.joining("\n"));
    Program program = CheckFixture.program(CheckFixture.BASE + uses + "\n");
    long templates = Stdlib.units().values().stream().flatMap(u -> u.items().stream()).filter(Item.Template.class::isInstance).count();
    assertTrue(templates >= 3, "a few templates for common app shapes");
    List<String> problems = new java.util.ArrayList<>();
    TemplateExpander expander = new TemplateExpander(program.templates(), null, d -> problems.add(d.toString()));
    Stdlib.units().values().stream().flatMap(u -> u.items().stream()).filter(Item.Template.class::isInstance)
        .map(Item.Template.class::cast).forEach(expander::checkDefinition);
    assertEquals(List.of(), problems);
  }

  /** A standard component's layer is a default: on a ladder without it, the nearest lower layer is taken. */
  @Test
  void aStandardComponentFallsToTheNearestLowerLayer() {
    Program program = CheckFixture.program("""
        cluster c { domain "x.org"; network { nodes 10.0.0.0/24 }; layers [crds, platform, storage, apps] }
        node n { role control-plane; address 10.0.0.2 }
        use cilium
        """);
    assertEquals("", CheckFixture.render(program.diagnostics()));
    assertEquals("crds", program.scope().lookup(Kind.COMPONENT, "cilium").orElseThrow().layer());
  }

  /** nginx-gateway depends on gateway-api: turning one on turns on the other. */
  @Test
  void aStandardComponentTurnsOnWhatItDependsOn() {
    Program program = CheckFixture.program(CheckFixture.BASE + "use nginx-gateway\n");
    assertEquals("", CheckFixture.render(program.diagnostics()));
    assertTrue(program.scope().lookup(Kind.COMPONENT, "gateway-api").isPresent());
  }

  private static List<String> components() {
    return Stdlib.units().values().stream().flatMap(u -> u.items().stream())
        .filter(i -> i instanceof Item.Declaration d && d.kind().text().equals("component"))
        .map(i -> ((Item.Declaration) i).name().text()).sorted().toList();
  }
}
