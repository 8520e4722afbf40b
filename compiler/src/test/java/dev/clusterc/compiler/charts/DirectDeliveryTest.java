package dev.clusterc.compiler.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.emit.AppTestSupport;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.emit.core.Deployer;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.program.Program;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct delivery of a cluster that names a GitOps engine: the one answer to "who deploys it"
 * ({@link Deployer}) is overridden, so charts are rendered (from a chart repository on loopback)
 * and no Flux or Argo CD object is made, while the declared compile keeps its HelmReleases.
 */
class DirectDeliveryTest {
  private static final String CONFIG_MAP = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: {{ .Release.Name }}-settings
      data:
        greeting: {{ .Values.greeting | quote }}
      """;

  @TempDir Path work;
  private LoopbackChartRepository repository;
  private HelmChartRenderer renderer;

  @BeforeEach
  void serve() throws IOException {
    repository = LoopbackChartRepository.start(work.resolve("repository"));
    repository.add("widgets", "1.2.3", "greeting: hello\n", Map.of("settings.yaml", CONFIG_MAP), Map.of());
    renderer = new HelmChartRenderer(new ChartCache(work.resolve("cache"), new ChartSource()));
  }

  @AfterEach
  void stop() {
    repository.close();
  }

  private String component() {
    return """
        component widgets {
          namespace widget-system
          chart     "%s" name "widgets" version "1.2.3"
          values    { greeting: "bonjour" }
        }
        """.formatted(repository.url());
  }

  private static List<String> kinds(Compilation compilation, String unit) {
    Unit found = compilation.units().stream().filter(u -> u.name().equals(unit)).findFirst().orElseThrow();
    return found.objects().stream().map(o -> o.kind() + "/" + o.name()).toList();
  }

  private static KubeObject settings(Compilation compilation) {
    return compilation.units().get(0).objects().stream().filter(o -> o.name().equals("cluster-settings")).findFirst()
        .orElseThrow();
  }

  @Test
  void aFluxClusterDeliveredDirectlyHasItsChartRenderedAndNoFluxObject() {
    Program program = AppTestSupport.fluxProgram(component());
    assertEquals(Deployer.FLUX, Deployer.declared(program));
    Compilation declared = ManifestCompiler.compile(program, renderer);
    assertTrue(kinds(declared, "widgets").contains("HelmRelease/widgets"), kinds(declared, "widgets").toString());
    assertFalse(declared.flux().isEmpty());
    assertEquals("flux-system", settings(declared).namespace());
    int served = repository.requests();

    Compilation direct = ManifestCompiler.compile(program, renderer, Deployer.DIRECT);
    assertEquals(List.of("ConfigMap/widgets-settings"), kinds(direct, "widgets"));
    assertEquals(Map.of("greeting", "bonjour"), direct.units().stream().filter(u -> u.name().equals("widgets"))
        .findFirst().orElseThrow().objects().get(0).get("data"));
    assertTrue(direct.flux().isEmpty(), "no Kustomization or GitRepository");
    assertTrue(direct.units().stream().flatMap(u -> u.objects().stream())
        .noneMatch(o -> o.apiVersion().contains("fluxcd.io")), "no Flux object in any unit");
    assertEquals("kube-system", settings(direct).namespace(), "flux-system does not exist without Flux");
    assertTrue(repository.requests() > served, "the chart was fetched for the direct compile only");
  }

  @Test
  void anArgoCdClusterDeliveredDirectlyHasNoApplicationAndNoChartRelease() {
    Program program = AppTestSupport.clean(CheckFixture.BASE.replace("router 10.0.0.1 }",
        "router 10.0.0.1 }\n  gitops argocd { repository \"https://git.example/test\" }") + component());
    assertEquals(Deployer.ARGO_CD, Deployer.declared(program));
    Compilation declared = ManifestCompiler.compile(program, renderer);
    assertTrue(declared.argocd() != null);
    Compilation direct = ManifestCompiler.compile(program, renderer, Deployer.DIRECT);
    assertEquals(null, direct.argocd());
    assertEquals(List.of("ConfigMap/widgets-settings"), kinds(direct, "widgets"));
    assertTrue(direct.units().stream().allMatch(u -> u.releases().isEmpty()), "no chart left for Argo CD to render");
  }
}
