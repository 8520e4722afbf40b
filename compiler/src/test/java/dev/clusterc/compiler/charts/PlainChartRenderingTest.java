package dev.clusterc.compiler.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.CompileRefusedException;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.emit.AppTestSupport;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.kube.YamlWriter;
import dev.clusterc.compiler.program.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster without {@code gitops} gets its components' charts rendered into plain manifests with
 * the Helm library, from a real chart repository on loopback serving charts this test packages.
 */
class PlainChartRenderingTest {
  private static final String CONFIG_MAP = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: {{ .Release.Name }}-settings
      data:
        greeting: {{ .Values.greeting | quote }}
        replicas: {{ .Values.deep.replicas | quote }}
      """;
  private static final String CLUSTER_ROLE = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: {{ .Release.Name }}-reader
      rules: []
      """;
  /** What {@code helm create} scaffolds: a Pod only {@code helm test} runs. */
  private static final String TEST_HOOK = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: {{ .Release.Name }}-test-connection
        annotations:
          "helm.sh/hook": test
      spec:
        containers: [{ name: wget, image: busybox, command: [wget, "{{ .Release.Name }}"] }]
        restartPolicy: Never
      """;
  private static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.com
      spec:
        group: example.com
        names: { kind: Widget, plural: widgets }
        scope: Namespaced
        versions: []
      """;

  @TempDir Path work;
  private LoopbackChartRepository repository;
  private HelmChartRenderer renderer;

  @BeforeEach
  void serve() throws IOException {
    repository = LoopbackChartRepository.start(work.resolve("repository"));
    repository.add("widgets", "1.2.3", "greeting: hello\ndeep:\n  replicas: 1\n",
        Map.of("settings.yaml", CONFIG_MAP, "reader.yaml", CLUSTER_ROLE, "test-connection.yaml", TEST_HOOK),
        Map.of("widget.yaml", CRD));
    renderer = new HelmChartRenderer(new ChartCache(work.resolve("cache"), new ChartSource()));
  }

  @AfterEach
  void stop() {
    repository.close();
  }

  private Program cluster(String version, String repositoryUrl) {
    return AppTestSupport.program("""
        component widgets {
          namespace widget-system
          chart     "%s" name "widgets" version "%s"
          values    { greeting: "bonjour", deep: { replicas: 3 } }
        }
        """.formatted(repositoryUrl, version));
  }

  private static Unit unit(Compilation compilation, String name) {
    return compilation.units().stream().filter(u -> u.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no unit " + name));
  }

  @Test
  void theChartBecomesPlainObjectsInTheComponentsUnitWithItsValuesAndCrds() {
    Compilation compilation = ManifestCompiler.compile(cluster("1.2.3", repository.url()), renderer);
    Unit unit = unit(compilation, "widgets");
    assertEquals("CustomResourceDefinition/widgets.example.com\nClusterRole/widgets-reader\nConfigMap/widgets-settings",
        unit.objects().stream().map(o -> o.kind() + "/" + o.name()).sorted((a, b) -> a.startsWith("Custom") ? -1
            : b.startsWith("Custom") ? 1 : a.compareTo(b)).collect(Collectors.joining("\n")));
    KubeObject settings = AppTestSupport.object(unit, "ConfigMap", "widgets-settings");
    assertEquals("widget-system", settings.namespace(), "a namespaced object gets the release's namespace");
    assertEquals(Map.of("greeting", "bonjour", "replicas", "3"), settings.get("data"), "the component's values reach the templates");
    assertEquals(null, AppTestSupport.object(unit, "ClusterRole", "widgets-reader").namespace());
    assertTrue(settings.annotations().get("clusterc.dev/source").startsWith("test.cluster:"), settings.toString());
  }

  @Test
  void noFluxKindAppearsAnywhereInTheOutput() {
    Compilation compilation = ManifestCompiler.compile(cluster("1.2.3", repository.url()), renderer);
    assertEquals(List.of(), compilation.flux());
    String all = compilation.units().stream().flatMap(u -> u.objects().stream()).map(YamlWriter::toYaml)
        .collect(Collectors.joining("---\n"));
    assertTrue(all.contains("kind: ConfigMap"), all);
    for (String flux : List.of("fluxcd.io", "HelmRelease", "HelmRepository", "OCIRepository")) {
      assertTrue(!all.contains(flux), flux + " in\n" + all);
    }
  }

  @Test
  void aSecondCompileTakesTheChartFromTheCacheWithoutAskingTheRepository() {
    ManifestCompiler.compile(cluster("1.2.3", repository.url()), renderer);
    int first = repository.requests();
    assertEquals(2, first, "index.yaml and the archive");
    HelmChartRenderer fresh = new HelmChartRenderer(new ChartCache(work.resolve("cache"), new ChartSource()));
    Compilation again = ManifestCompiler.compile(cluster("1.2.3", repository.url()), fresh);
    assertEquals(first, repository.requests());
    assertEquals(3, unit(again, "widgets").objects().size());
    assertTrue(Files.isRegularFile(work.resolve("cache").resolve(ChartCache.key(repository.url())).resolve("widgets-1.2.3.tgz")));
  }

  @Test
  void anUnreachableRepositoryRefusesTheCompileNamingChartVersionRepositoryAndDeclaration() {
    String url = repository.url();
    repository.close();
    CompileRefusedException refused = assertThrows(CompileRefusedException.class,
        () -> ManifestCompiler.compile(cluster("1.2.3", url), renderer));
    String rendered = CheckFixture.render(refused.diagnostics());
    assertTrue(rendered.startsWith("8:11: error[chart-unavailable]: chart \"widgets\" version \"1.2.3\" from " + url
        + " cannot be fetched: cannot reach " + url + "/index.yaml"), rendered);
    assertTrue(refused.diagnostics().get(0).hint().contains("gitops"), refused.diagnostics().get(0).hint());
  }

  @Test
  void aVersionTheRepositoryDoesNotListIsRefusedWithTheVersionsItDoes() {
    CompileRefusedException refused = assertThrows(CompileRefusedException.class,
        () -> ManifestCompiler.compile(cluster("9.9.9", repository.url()), renderer));
    assertEquals("8:11: error[chart-unavailable]: chart \"widgets\" version \"9.9.9\" from " + repository.url()
        + " cannot be fetched: the repository lists no version \"9.9.9\" of \"widgets\" (it lists 1.2.3)",
        CheckFixture.render(refused.diagnostics()));
    assertTrue(!Files.exists(work.resolve("cache").resolve(ChartCache.key(repository.url())).resolve("widgets-9.9.9.tgz")));
  }

  @Test
  void checkEmitsWithoutRenderingSoItNeedsNoRepository() {
    List<Diagnostic> refusals = ManifestCompiler.refusals(cluster("1.2.3", repository.url()));
    assertEquals(List.of(), refusals);
    assertEquals(0, repository.requests());
  }

  @Test
  void templatesHelmRefusesAreAChartRenderError() {
    repository.add("broken", "0.1.0", "{}\n", Map.of("bad.yaml", "{{ required \"name is required\" .Values.name }}\n"), Map.of());
    Program program = AppTestSupport.program("""
        component broken {
          namespace broken
          chart     "%s" name "broken" version "0.1.0"
        }
        """.formatted(repository.url()));
    CompileRefusedException refused = assertThrows(CompileRefusedException.class,
        () -> ManifestCompiler.compile(program, renderer));
    String rendered = CheckFixture.render(refused.diagnostics());
    assertTrue(rendered.startsWith("8:11: error[chart-render]: chart \"broken\" version \"0.1.0\" from "), rendered);
    assertTrue(rendered.endsWith("execution error at (broken/templates/bad.yaml:1:3): name is required"), rendered);
  }

  /**
   * A controller's chart that carries its own copy of the Gateway API CRDs (as Envoy Gateway's does)
   * leaves them to the component that provides {@code gateway-api}: one object, one unit.
   */
  @Test
  void aChartsCopyOfTheGatewayApiCrdsIsLeftToTheGatewayApiComponent() {
    String gatewayCrd = CRD.replace("widgets.example.com", "gateways.gateway.networking.k8s.io")
        .replace("group: example.com", "group: gateway.networking.k8s.io").replace("kind: Widget, plural: widgets", "kind: Gateway, plural: gateways");
    repository.add("crds", "1.0.0", "{}\n", Map.of(), Map.of("gateway.yaml", gatewayCrd));
    repository.add("controller", "1.0.0", "greeting: hello\ndeep:\n  replicas: 1\n", Map.of("settings.yaml", CONFIG_MAP), Map.of("gateway.yaml", gatewayCrd));
    Program program = AppTestSupport.program("""
        component crds { layer crds; namespace kube-system; chart "%1$s" name "crds" version "1.0.0"; provides ["gateway-api"] }
        component controller { namespace ctl; chart "%1$s" name "controller" version "1.0.0"; depends-on [crds] }
        """.formatted(repository.url()));
    Compilation compilation = ManifestCompiler.compile(program, renderer);
    assertTrue(AppTestSupport.object(unit(compilation, "crds"), "CustomResourceDefinition", "gateways.gateway.networking.k8s.io") != null);
    assertTrue(unit(compilation, "controller").objects().stream().noneMatch(o -> o.kind().equals("CustomResourceDefinition")),
        "the controller's copy is left out");
  }
}
