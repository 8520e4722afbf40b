package dev.clusterc.compiler.emit.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.Examples;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.layout.GitOpsLayout;
import dev.clusterc.compiler.model.Component;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Argo CD needs of a {@code gitops argocd} tree, for every example that has one: each unit's
 * Application is in a later sync wave than every unit it depends on (Argo CD applies a wave only
 * after the ones before it are healthy, so that is the whole of the ordering); every Git source's
 * path is a directory of the written tree with a kustomization (Argo CD fails a sync on a missing
 * path); every component with a chart is released by a Helm source naming its repository (an OCI
 * registry without the scheme, and declared to Argo CD as an OCI Helm repository), chart and version;
 * and nothing in the tree is a Flux object, which no controller of the cluster would read.
 */
class ArgoSyncWaveTruthTest {
  @TempDir
  Path temp;

  @TestFactory
  Stream<DynamicTest> whatArgoCdReadsHolds() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path example : argoCdExamples()) {
      Program program = Examples.program(example);
      Compilation compilation = ManifestCompiler.compile(program);
      Path repository = temp.resolve(example.getFileName().toString());
      GitOpsLayout.write(compilation, repository.resolve(compilation.path()));
      String name = example.getFileName().toString();
      tests.add(DynamicTest.dynamicTest(name + ": waves follow dependencies", () -> waves(compilation)));
      tests.add(DynamicTest.dynamicTest(name + ": source paths exist", () -> paths(compilation, repository)));
      tests.add(DynamicTest.dynamicTest(name + ": charts as components say", () -> charts(program, compilation)));
      tests.add(DynamicTest.dynamicTest(name + ": no Flux objects", () -> noFlux(compilation)));
    }
    return tests.stream();
  }

  @Test
  void someExampleIsDeployedByArgoCd() {
    assertFalse(argoCdExamples().isEmpty(), "an example with `gitops argocd` (seed 003's microk8s-cnpg)");
  }

  private static List<Path> argoCdExamples() {
    return Examples.compilable().stream().filter(e -> {
      try {
        return ManifestCompiler.compile(Examples.program(e)).argocd() != null;
      } catch (Exception failure) {
        throw new AssertionError(e + " does not compile", failure);
      }
    }).toList();
  }

  /**
   * Every unit with something to sync has an Application whose wave is later than the wave of every
   * Application it waits for, directly or through the ladder's empty barriers (which have none).
   */
  private static void waves(Compilation compilation) {
    Map<String, KubeObject> applications = applications(compilation);
    int synced = 0;
    for (Unit unit : compilation.units()) {
      KubeObject application = applications.get(unit.name());
      if (unit.isEmpty()) {
        assertEquals(null, application, unit + " is a barrier: nothing to sync");
        continue;
      }
      synced++;
      assertNotNull(application, "an Application for " + unit);
      Deque<Unit> todo = new ArrayDeque<>(unit.dependsOn());
      Set<Unit> seen = new HashSet<>();
      while (!todo.isEmpty()) {
        Unit dependency = todo.pop();
        if (!seen.add(dependency)) {
          continue;
        }
        KubeObject before = applications.get(dependency.name());
        if (before != null) {
          assertTrue(wave(application) > wave(before), unit + " in wave " + wave(application) + " waits for " + dependency
              + " in wave " + wave(before));
        }
        todo.addAll(dependency.dependsOn());
      }
    }
    assertEquals(synced, applications.size(), "one Application per unit with something to sync");
  }

  private static void paths(Compilation compilation, Path repository) {
    ArgoCdSettings settings = compilation.argocd().settings();
    List<KubeObject> all = new ArrayList<>(compilation.argocd().applications());
    all.add(compilation.argocd().root());
    for (KubeObject application : all) {
      for (Map<String, Object> source : sources(application)) {
        if (source.containsKey("chart")) {
          continue;
        }
        assertEquals(settings.url(), source.get("repoURL"), application.name());
        assertEquals(settings.revision(), source.get("targetRevision"), application.name());
        Path dir = repository.resolve((String) source.get("path"));
        assertTrue(Files.isRegularFile(dir.resolve("kustomization.yaml")), application.name() + ": " + dir);
      }
    }
    assertEquals(settings.path() + "/" + ArgoCdSettings.APPS_DIR, sources(compilation.argocd().root()).get(0).get("path"));
  }

  private static void charts(Program program, Compilation compilation) {
    Map<String, KubeObject> applications = applications(compilation);
    Map<String, Map<String, Object>> ociRepositories = new HashMap<>();
    for (KubeObject object : compilation.argocd().apps()) {
      if (object.kind().equals("Secret")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) object.get("stringData");
        assertEquals("repository", object.labels().get(OciRepositories.SECRET_TYPE_LABEL));
        ociRepositories.put((String) data.get("url"), data);
      }
    }
    int checked = 0;
    for (Unit unit : compilation.units()) {
      Decl decl = unit.decl();
      if (decl == null || decl.kind() != Kind.COMPONENT) {
        continue;
      }
      Component component = Component.of(program.model(), decl);
      if (component.chart().isEmpty() || program.providers("dns:k8s-gateway").contains(decl)) {
        continue;
      }
      Component.Chart chart = component.chart().get();
      Map<String, Object> helm = sources(applications.get(unit.name())).stream().filter(s -> s.containsKey("chart"))
          .findFirst().orElseThrow(() -> new AssertionError(unit + " has no Helm source"));
      assertEquals(chart.chart(), helm.get("chart"), unit.toString());
      assertEquals(chart.version(), helm.get("targetRevision"), unit.toString());
      String repoUrl = (String) helm.get("repoURL");
      assertFalse(repoUrl.contains("://") && chart.oci(), "Argo CD names OCI charts without the scheme: " + repoUrl);
      assertTrue(chart.repository().endsWith(repoUrl), repoUrl + " is " + chart.repository());
      if (chart.oci()) {
        Map<String, Object> declared = ociRepositories.get(repoUrl);
        assertNotNull(declared, "an OCI Helm repository declared for " + repoUrl);
        assertEquals("true", declared.get("enableOCI"));
        assertEquals("helm", declared.get("type"));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> values = (Map<String, Object>) ((Map<String, Object>) helm.get("helm")).get("valuesObject");
      if (!component.values().isEmpty()) {
        assertNotNull(values, unit + " carries its values");
      }
      checked++;
    }
    assertTrue(checked > 0, "some component was checked");
  }

  private static void noFlux(Compilation compilation) {
    assertEquals(List.of(), compilation.flux());
    List<KubeObject> all = new ArrayList<>(compilation.argocd().apps());
    compilation.units().forEach(u -> all.addAll(u.objects()));
    for (KubeObject object : all) {
      assertFalse(object.apiVersion().contains("fluxcd.io"), object.kind() + " " + object.name() + " is Flux's");
    }
  }

  private static Map<String, KubeObject> applications(Compilation compilation) {
    Map<String, KubeObject> applications = new HashMap<>();
    compilation.argocd().applications().forEach(a -> applications.put(a.name(), a));
    return applications;
  }

  private static int wave(KubeObject application) {
    return Integer.parseInt(application.annotations().get(SyncWaves.ANNOTATION));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> sources(KubeObject application) {
    Map<String, Object> spec = application.map("spec");
    if (spec.containsKey("sources")) {
      return (List<Map<String, Object>>) spec.get("sources");
    }
    return List.of((Map<String, Object>) spec.get("source"));
  }
}
