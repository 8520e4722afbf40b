package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.emit.core.ChartRenderer;
import dev.clusterc.compiler.emit.core.Deployer;
import dev.clusterc.compiler.emit.core.DriftIgnoreAnnotation;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code ignore-drift} lands as the annotation {@code clusterc.dev/drift-ignore} on exactly the
 * objects of its declaration that its kind covers: pointers one a line, sorted, each once.
 */
class DriftIgnoreEmitTest {
  /** Two replicas (so a PodDisruptionBudget), a port (so a Service), a route and an HPA of its own. */
  private static final String WEB = """
      use cilium
      gateway internal { class cilium; listener http { hostname "*.example.org" } }
      app web {
        image    "nginx:1.27.0"
        replicas 2
        port     http 80
        route    "web.example.org" via internal
        ignore-drift "/spec/replicas" in Deployment
        ignore-drift "/metadata/annotations/example.com~1owner"
        ignore-drift "/spec/template/metadata/annotations" in Deployment
        ignore-drift "/spec/replicas" in Deployment
        ignore-drift "/spec/minReplicas" in HorizontalPodAutoscaler
        manifests \"""
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata:
            name: web
            annotations: { clusterc.dev/drift-ignore: "/spec/maxReplicas,/spec/minReplicas" }
          spec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }, minReplicas: 2, maxReplicas: 5 }
          \"""
      }
      app plain { image "nginx:1.27.0"; port http 80 }
      """;

  /** What a chart renders in the test: a Deployment and a Service of the release's name. */
  private static final ChartRenderer CHART = (chart, release, namespace, values) -> """
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: %1$s }
      spec: { replicas: 1 }
      ---
      apiVersion: v1
      kind: Service
      metadata: { name: %1$s }
      spec: { ports: [{ port: 80 }] }
      """.formatted(release);

  private static final String PODINFO = """
      component podinfo {
        chart "https://stefanprodan.github.io/podinfo" name "podinfo" version "6.7.1"
        ignore-drift "/spec/replicas" in Deployment
      }
      """;

  /** {@code KIND NAME: ANNOTATION} per object of the unit, the annotation's line breaks as {@code |}. */
  private static String annotations(Unit unit) {
    return unit.objects().stream().map(DriftIgnoreEmitTest::annotation).collect(Collectors.joining("\n"));
  }

  private static String annotation(KubeObject object) {
    String value = object.annotations().get(DriftIgnoreAnnotation.KEY);
    return object.kind() + " " + object.name() + ": " + (value == null ? "-" : value.replace("\n", "|"));
  }

  @Test
  void theAppsObjectsGetThePointersOfTheirKindSortedAndOnce() {
    Program program = AppTestSupport.program(WEB);
    Emission emission = Emission.of(program, ChartRenderer.OFFLINE);
    Unit web = emission.emit(AppTestSupport.decl(program, Kind.APP, "web"));
    assertEquals("""
        Deployment web: /metadata/annotations/example.com~1owner|/spec/replicas|/spec/template/metadata/annotations
        Service web: /metadata/annotations/example.com~1owner
        PodDisruptionBudget web: /metadata/annotations/example.com~1owner
        HTTPRoute web: /metadata/annotations/example.com~1owner
        HorizontalPodAutoscaler web: /metadata/annotations/example.com~1owner|/spec/maxReplicas|/spec/minReplicas""",
        annotations(web));
    assertEquals("/metadata/annotations/example.com~1owner\n/spec/replicas\n/spec/template/metadata/annotations",
        AppTestSupport.object(web, "Deployment", "web").annotations().get(DriftIgnoreAnnotation.KEY));
  }

  @Test
  void anAppWithoutRulesIsLeftAsItWas() {
    Program program = AppTestSupport.program(WEB);
    Unit plain = Emission.of(program, ChartRenderer.OFFLINE).emit(AppTestSupport.decl(program, Kind.APP, "plain"));
    assertEquals("Deployment plain: -\nService plain: -", annotations(plain));
  }

  @Test
  void theRulesOfAComponentLandOnItsRenderedObjectsForDirectDelivery() {
    Program program = AppTestSupport.program(PODINFO);
    Unit unit = Emission.of(program, CHART, Deployer.DIRECT).emit(AppTestSupport.decl(program, Kind.COMPONENT, "podinfo"));
    assertEquals("Deployment podinfo: /spec/replicas\nService podinfo: -", annotations(unit));
  }

  @Test
  void underFluxTheyLandOnTheHelmReleaseOnlyWhenTheyNameNoKind() {
    Program named = AppTestSupport.fluxProgram(PODINFO);
    Unit unit = Emission.of(named, CHART).emit(AppTestSupport.decl(named, Kind.COMPONENT, "podinfo"));
    assertEquals("HelmRepository podinfo: -\nHelmRelease podinfo: -", annotations(unit));
    Program every = AppTestSupport.fluxProgram(PODINFO.replace(" in Deployment", ""));
    Unit all = Emission.of(every, CHART).emit(AppTestSupport.decl(every, Kind.COMPONENT, "podinfo"));
    assertEquals("HelmRepository podinfo: /spec/replicas\nHelmRelease podinfo: /spec/replicas", annotations(all));
  }

  @Test
  void theUseOfAStandardComponentAddsItsRules() {
    Program program = AppTestSupport.program("use traefik { ignore-drift \"/spec/replicas\" in Deployment }\n");
    Unit unit = Emission.of(program, CHART, Deployer.DIRECT).emit(AppTestSupport.decl(program, Kind.COMPONENT, "traefik"));
    assertEquals("Deployment traefik: /spec/replicas\nService traefik: -", annotations(unit));
  }

  @Test
  void aCompiledClusterCarriesTheAnnotationInItsYaml() {
    Program program = AppTestSupport.program(WEB);
    Compilation compilation = ManifestCompiler.compile(program, CHART, Deployer.DIRECT);
    List<KubeObject> deployments = compilation.units().stream().flatMap(u -> u.objects().stream())
        .filter(o -> o.kind().equals("Deployment") && o.name().equals("web")).toList();
    assertEquals(1, deployments.size());
    String yaml = dev.clusterc.compiler.kube.YamlWriter.toYaml(deployments.get(0));
    assertEquals(true, yaml.contains("clusterc.dev/drift-ignore: |-\n      /metadata/annotations/example.com~1owner\n"
        + "      /spec/replicas\n      /spec/template/metadata/annotations\n"), yaml);
  }

  @Test
  void theRulesOfK8sGatewayFollowItsChartIntoTheDnsRelease() {
    String dns = """
        use cilium
        pool lb { range 10.0.0.200..10.0.0.220; via cilium }
        use k8s-gateway { ignore-drift "/spec/replicas" in Deployment }
        dns internal { address 10.0.0.201 }
        """;
    Program direct = AppTestSupport.program(dns);
    Unit rendered = Emission.of(direct, CHART, Deployer.DIRECT).emit(AppTestSupport.decl(direct, Kind.DNS, "internal"));
    assertEquals("Deployment internal: /spec/replicas\nService internal: -", annotations(rendered));
    Program flux = AppTestSupport.fluxProgram(dns.replace(" in Deployment", ""));
    Unit released = Emission.of(flux, CHART).emit(AppTestSupport.decl(flux, Kind.DNS, "internal"));
    assertEquals("HelmRelease internal: /spec/replicas", annotations(released));
  }
}
