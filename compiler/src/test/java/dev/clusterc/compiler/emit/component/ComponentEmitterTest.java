package dev.clusterc.compiler.emit.component;

import static dev.clusterc.compiler.emit.AppTestSupport.clean;
import static dev.clusterc.compiler.emit.AppTestSupport.emit;
import static dev.clusterc.compiler.emit.AppTestSupport.inventory;
import static dev.clusterc.compiler.emit.AppTestSupport.fluxProgram;
import static dev.clusterc.compiler.emit.AppTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import org.junit.jupiter.api.Test;

/** The Flux source and HelmRelease of a component, declared or turned on with {@code use}. */
class ComponentEmitterTest {
  private static final String FLUX_CLUSTER = """
      cluster lab {
        domain "example.org"
        network { nodes 10.0.0.0/24 }
        gitops flux { repository "https://github.com/example/lab"; interval 1h }
      }
      node cp { role control-plane; address 10.0.0.2 }
      """;

  @Test
  void aChartFromAHelmRepositoryGetsAHelmRepositoryAndReconcilesAtTheGitopsInterval() {
    Program program = clean(FLUX_CLUSTER + """
        component reloader {
          namespace reloader
          chart     "https://stakater.github.io/stakater-charts" name "reloader" version "2.2.15"
          values    { reloader: { watchGlobally: false }, replicas: 1 }
        }
        """);
    Unit unit = emit(new ComponentEmitter(), program, Kind.COMPONENT, "reloader");
    assertEquals("HelmRepository/reloader\nHelmRelease/reloader", inventory(unit));
    Snippets.assertMatches("component/ComponentEmitterTest-helmRepository", yaml(unit));
  }

  @Test
  void aChartFromAnOciRegistryGetsAnOciRepositoryPinnedToItsVersionAndTheDefaultInterval() {
    Program program = fluxProgram("""
        component loki {
          namespace monitoring
          chart     "oci://ghcr.io/grafana/helm-charts/" name "loki" version "6.49.0"
        }
        """);
    Unit unit = emit(new ComponentEmitter(), program, Kind.COMPONENT, "loki");
    Snippets.assertMatches("component/ComponentEmitterTest-ociRepository", yaml(unit));
  }

  @Test
  void useOverridesTheVersionAndMergesItsValuesDeeplyOverTheComponents() {
    Program program = fluxProgram("""
        use cilium {
          version "1.18.5"
          values {
            l2announcements: { leaseDuration: "3s" },
            gatewayAPI: { enabled: false },
            hubble: { relay: { enabled: true } },
          }
        }
        """);
    Unit unit = emit(new ComponentEmitter(), program, Kind.COMPONENT, "cilium");
    Snippets.assertMatches("component/ComponentEmitterTest-useOverrides", yaml(unit, "HelmRelease", "cilium"));
  }

  /** Listeners on 80 and 443 use the chart's web and websecure; 8443 (websecure's own port) and 25 get entry points of their own. */
  @Test
  void traefikGetsTheEntryPointsOfItsGatewaysListenersAndTheirAddress() {
    Program program = clean(FLUX_CLUSTER + """
        use traefik
        use metallb
        pool lb { range 10.0.0.100..10.0.0.120; via metallb }
        gateway web {
          address  10.0.0.100
          class    traefik
          listener http {}
          listener alt { protocol http; port 8443 }
          listener smtp { protocol http; port 25 }
        }
        """);
    Unit unit = emit(new ComponentEmitter(), program, Kind.COMPONENT, "traefik");
    Snippets.assertMatches("component/ComponentEmitterTest-traefikEntryPoints", yaml(unit, "HelmRelease", "traefik"));
  }

  /** On Talos, Cilium reaches the API server through KubePrism; its pool is the default network.pods. */
  @Test
  void ciliumOnTalosGetsKubePrismAndThePodNetwork() {
    Program program = clean(FLUX_CLUSTER + """
        vip api { address 10.0.0.50; on control-plane; via talos }
        use cilium
        """);
    Unit unit = emit(new ComponentEmitter(), program, Kind.COMPONENT, "cilium");
    String release = yaml(unit, "HelmRelease", "cilium");
    assertEquals(true, release.contains("""
            ipam:
              mode: cluster-pool
              operator:
                clusterPoolIPv4PodCIDRList:
                  - 10.42.0.0/16
            k8sServiceHost: localhost
            k8sServicePort: 7445
        """), release);
  }

  @Test
  void useOverridesTheTagOfAnOciChart() {
    Program program = fluxProgram("use k8s-gateway { version \"3.8.0\" }\n");
    Unit unit = emit(new ComponentEmitter(), program, Kind.COMPONENT, "k8s-gateway");
    assertEquals("OCIRepository/k8s-gateway\nHelmRelease/k8s-gateway", inventory(unit));
    String source = yaml(unit, "OCIRepository", "k8s-gateway");
    assertEquals(true, source.contains("""
          ref:
            tag: 3.8.0
          url: oci://ghcr.io/k8s-gateway/charts/k8s-gateway
        """), source);
  }

  @Test
  void traefiksOneServiceTakesTheAddressOfItsGatewaysUnderTheUsersValues() {
    String gateways = """
        use metallb
        pool lb { range 10.0.0.100..10.0.0.120; via metallb }
        gateway web { address 10.0.0.101; class traefik; listener http { } }
        gateway admin { class traefik; listener http { port 8080 } }
        """;
    String release = yaml(emit(new ComponentEmitter(), fluxProgram("use traefik\n" + gateways), Kind.COMPONENT, "traefik"),
        "HelmRelease", "traefik");
    assertEquals(true, release.contains("""
            service:
              annotations:
                metallb.universe.tf/loadBalancerIPs: 10.0.0.101
        """), release);
    String overridden = yaml(emit(new ComponentEmitter(),
        fluxProgram("use traefik { values { service: { annotations: { \"metallb.universe.tf/loadBalancerIPs\": \"10.0.0.110\" } } } }\n"
            + gateways.replace("10.0.0.101", "10.0.0.110")), Kind.COMPONENT, "traefik"), "HelmRelease", "traefik");
    assertEquals(true, overridden.contains("metallb.universe.tf/loadBalancerIPs: 10.0.0.110\n"), overridden);
    String unpinned = yaml(emit(new ComponentEmitter(), fluxProgram("use traefik\n"), Kind.COMPONENT, "traefik"),
        "HelmRelease", "traefik");
    assertEquals(false, unpinned.contains("service:"), "no gateway, no address: " + unpinned);
  }

  @Test
  void aUseWithoutOverridesKeepsTheStandardLibrarysChartAndValues() {
    Program program = fluxProgram("use cert-manager\n");
    Unit unit = emit(new ComponentEmitter(), program, Kind.COMPONENT, "cert-manager");
    String release = yaml(unit, "HelmRelease", "cert-manager");
    assertEquals(true, release.contains("      version: v1.19.1\n"), release);
    assertEquals(true, release.contains("clusterc.dev/source: test.cluster:9\n"), "points at the use: " + release);
    assertEquals("HelmRepository/cert-manager\nHelmRelease/cert-manager", inventory(unit), "the Namespace is the cluster unit's");
  }

  @Test
  void emittingTwiceGivesTheSameBytes() {
    String text = CheckFixture.FLUX_BASE + """
        use traefik { values { ports: { web: { port: 8000 } }, logs: { general: { level: "INFO" } } } }
        """;
    assertEquals(yaml(emit(new ComponentEmitter(), CheckFixture.program(text), Kind.COMPONENT, "traefik")),
        yaml(emit(new ComponentEmitter(), CheckFixture.program(text), Kind.COMPONENT, "traefik")));
  }
}
