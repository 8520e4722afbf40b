package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.kube.KubeObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What compiling an example gives through the door: units with objects, dependencies and health gates. */
class CompiledClusterTest {
  private static final Path HOMELAB = Repo.root().resolve("examples/homelab");
  private static CompileResult result;
  private static CompiledCluster cluster;

  @BeforeAll
  static void compile() {
    result = ClusterCompiler.open(HOMELAB, Repo.root()).compile();
    cluster = result.cluster().orElseThrow(() -> new AssertionError(result.diagnostics().toString()));
  }

  @Test
  void warningsComeWithTheCompiledCluster() {
    assertTrue(result.succeeded());
    assertFalse(result.diagnostics().isEmpty(), "homelab keeps its cross-namespace-database warning");
    assertTrue(result.diagnostics().stream().noneMatch(Diagnostic::isError));
  }

  @Test
  void unitsHaveTheirObjectsDependenciesAndSources() {
    List<CompiledUnit> units = cluster.units();
    assertEquals(cluster.unitCount(), units.size());
    CompiledUnit first = units.get(0);
    assertEquals("cluster", first.source().orElseThrow().kind(), "the cluster-wide unit comes first");
    assertEquals("homelab", first.source().orElseThrow().name());
    CompiledUnit sonarr = unit("sonarr");
    assertEquals("apps", sonarr.layer());
    CompiledUnit.Declaration source = sonarr.source().orElseThrow();
    assertEquals("app", source.kind());
    assertEquals("sonarr", source.name());
    assertEquals("sonarr", source.span().text());
    assertTrue(source.span().file().path().endsWith("cluster.cluster"), source.span().file().path());
    assertEquals(Set.of("Deployment", "Service", "HTTPRoute"), kinds(sonarr.objects()));
    assertFalse(sonarr.dependencies().isEmpty());
    Set<String> names = units.stream().map(CompiledUnit::name).collect(Collectors.toSet());
    assertTrue(names.containsAll(sonarr.dependencies()), sonarr.dependencies() + " are units of the cluster");
    for (int i = 0; i < units.size(); i++) {
      for (String dependency : units.get(i).dependencies()) {
        assertTrue(units.subList(0, i).stream().anyMatch(u -> u.name().equals(dependency)),
            units.get(i).name() + " waits for " + dependency + ", which comes before it");
      }
    }
  }

  /** The gates are what the Kustomization waits for: every object with {@code wait}, else its health checks. */
  @Test
  void healthGatesAreWhatFluxWaitsFor() {
    Map<String, KubeObject> kustomizations = cluster.fluxObjects().stream().filter(o -> o.kind().equals("Kustomization"))
        .collect(Collectors.toMap(KubeObject::name, o -> o));
    assertEquals(cluster.unitCount(), kustomizations.size());
    boolean sawClaims = false;
    for (CompiledUnit unit : cluster.units()) {
      Map<?, ?> spec = (Map<?, ?>) kustomizations.get(unit.name()).get("spec");
      List<ObjectRef> expected;
      if (Boolean.TRUE.equals(spec.get("wait"))) {
        expected = unit.objects().stream().map(ObjectRef::of).toList();
        assertTrue(unit.gatesEveryObject());
      } else {
        List<?> checks = spec.get("healthChecks") == null ? List.of() : (List<?>) spec.get("healthChecks");
        expected = checks.stream().map(c -> (Map<?, ?>) c).map(c -> new ObjectRef((String) c.get("apiVersion"),
            (String) c.get("kind"), (String) c.get("name"), (String) c.get("namespace"))).toList();
        assertFalse(unit.gatesEveryObject());
        sawClaims = true;
      }
      assertEquals(expected, unit.healthGates(), unit.name());
      assertTrue(unit.healthGates().stream().noneMatch(g -> g.kind().equals("PersistentVolumeClaim")));
    }
    assertTrue(sawClaims, "homelab has units with claims, gated by health checks");
  }

  @Test
  void resultsCannotBeChangedFromOutside() {
    CompiledUnit sonarr = unit("sonarr");
    KubeObject deployment = sonarr.objects().stream().filter(o -> o.kind().equals("Deployment")).findFirst().orElseThrow();
    deployment.put("spec", Map.of("replicas", 99));
    deployment.labels().put("changed", "yes");
    KubeObject again = unit("sonarr").objects().stream().filter(o -> o.kind().equals("Deployment")).findFirst().orElseThrow();
    assertFalse(again.labels().containsKey("changed"));
    assertTrue(again.get("spec") instanceof Map<?, ?> spec && !Integer.valueOf(99).equals(spec.get("replicas")));

    assertThrows(UnsupportedOperationException.class, () -> cluster.units().clear());
    assertThrows(UnsupportedOperationException.class, () -> sonarr.dependencies().clear());
    assertThrows(UnsupportedOperationException.class, () -> sonarr.healthGates().clear());
    assertThrows(UnsupportedOperationException.class, () -> result.diagnostics().clear());
    assertThrows(UnsupportedOperationException.class, () -> cluster.talosPatches().clear());
    assertTrue(unit("nightly").includedFiles().keySet().stream().anyMatch(f -> f.endsWith(".sops.yaml")),
        unit("nightly").includedFiles().toString());
    assertThrows(UnsupportedOperationException.class, () -> unit("nightly").includedFiles().clear());
    cluster.fluxObjects().get(0).labels().put("changed", "yes");
    assertFalse(cluster.fluxObjects().get(0).labels().containsKey("changed"));
  }

  @Test
  void theTreeAndTheStreamAreWrittenThroughTheDoor(@TempDir Path out) throws Exception {
    cluster.writeTree(out.resolve("tree"));
    assertTrue(Files.isRegularFile(out.resolve("tree/apps/sonarr/deployment-sonarr.yaml")));
    assertEquals(Files.readString(HOMELAB.resolve("expected/apps/sonarr/deployment-sonarr.yaml")),
        Files.readString(out.resolve("tree/apps/sonarr/deployment-sonarr.yaml")));
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    cluster.writeStream(stream);
    assertEquals(cluster.stream(), stream.toString(StandardCharsets.UTF_8));
    assertTrue(cluster.stream().contains("kind: Deployment\n"));
    assertEquals("clusters/homelab", cluster.gitopsPath());
    assertTrue(cluster.gitopsPathProblem().isEmpty());
  }

  @Test
  void aTreeIsStagedThenInstalled(@TempDir Path out) throws Exception {
    Path target = out.resolve(cluster.gitopsPath());
    StagedTree.check(target);
    StagedTree staged = cluster.stageTree(target);
    assertFalse(Files.exists(target.resolve("apps/sonarr/deployment-sonarr.yaml")), "nothing in place before install");
    staged.install();
    assertTrue(Files.isRegularFile(target.resolve("apps/sonarr/deployment-sonarr.yaml")));
    assertTrue(staged.files() > cluster.unitCount());
    assertFalse(cluster.nextSteps(target).isEmpty(), "flux bootstrap is still to do");

    Files.writeString(out.resolve("file"), "");
    RefusedOutputException refused = assertThrows(RefusedOutputException.class, () -> StagedTree.check(out.resolve("file/tree")));
    assertTrue(refused.getReason().contains("is a file"), refused.getReason());
  }

  @Test
  void twoUnitsApplyingOneObjectComeBackAsDiagnostics(@TempDir Path dir) throws Exception {
    String flux = ClusterCompilerTest.CLUSTER.replace("router 10.0.0.1 }\n", "router 10.0.0.1 }\n  gitops flux { repository \"https://git.example/lab\" }\n");
    Files.writeString(dir.resolve("cluster.cluster"), flux + """
        node w2 { role worker; address 10.0.0.12 }
        use volsync
        volume x { size 1Gi; local w1 at "/data/x"; replicate to w2 via syncthing; backup none; namespace media }
        volume x-backup { size 1Gi; backup none; namespace media }
        """);
    ClusterCompiler compiler = ClusterCompiler.open(dir, dir);
    Analysis analysis = compiler.analyse();
    assertFalse(analysis.hasErrors(), analysis.diagnostics().toString());
    assertEquals(1, analysis.compileRefusals().size(), analysis.compileRefusals().toString());
    CompileResult refused = analysis.compile();
    assertTrue(refused.cluster().isEmpty());
    assertEquals(analysis.compileRefusals(), refused.diagnostics().stream().filter(Diagnostic::isError).toList());
    assertEquals(Code.INVALID_VALUE, refused.diagnostics().get(0).code());
    assertTrue(refused.diagnostics().get(0).message().contains("PersistentVolumeClaim `media/x-backup`"));
  }

  @Test
  void nextStepsAreNumberedWithCommandsBelowTheirStep() {
    String text = NextStep.render(List.of(new NextStep("do a", List.of("cmd 1", "cmd 2")), new NextStep("do b", List.of())));
    assertEquals("""
        next steps (by hand, from the root of the repository):
          1. do a
               cmd 1
               cmd 2
          2. do b
        """, text);
    assertEquals("", NextStep.render(List.of()));
  }

  private static CompiledUnit unit(String name) {
    return cluster.units().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
  }

  private static Set<String> kinds(List<KubeObject> objects) {
    return objects.stream().map(KubeObject::kind).collect(Collectors.toSet());
  }
}
