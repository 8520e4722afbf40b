package dev.clusterc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The component, secret and dns records: what each resolves once from the entries, the use and the schema. */
class LoweredRecordsTest {
  private static Decl decl(Program program, Kind kind, String name) {
    return program.decls(kind).stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aComponentLivesInItsNameUnlessItGivesANamespace() {
    Program program = CheckFixture.program(CheckFixture.BASE + """
        component reloader { chart "https://stakater.github.io/stakater-charts" name "reloader" version "2.2.15" }
        component loki { namespace monitoring; chart "oci://ghcr.io/grafana/helm-charts" name "loki" version "6.49.0" }
        component marker { provides ["something"] }
        """);
    Component reloader = Component.of(program.model(), decl(program, Kind.COMPONENT, "reloader"));
    assertEquals("reloader", reloader.namespace());
    assertEquals(Optional.of(new Component.Chart("https://stakater.github.io/stakater-charts", "reloader", "2.2.15")), reloader.chart());
    Component loki = Component.of(program.model(), decl(program, Kind.COMPONENT, "loki"));
    assertEquals("monitoring", loki.namespace());
    assertEquals("oci://ghcr.io/grafana/helm-charts/loki", loki.chart().orElseThrow().ociUrl());
    Component marker = Component.of(program.model(), decl(program, Kind.COMPONENT, "marker"));
    assertEquals(Optional.empty(), marker.chart(), "no chart, nothing to deploy");
    assertEquals(List.of("something"), marker.provides());
    assertEquals(List.of(marker.decl()), program.providers("something"), "the model's providers come from the record");
  }

  @Test
  void aUseOverridesTheVersionAndLaysItsValuesOverTheComponents() {
    Program program = CheckFixture.program(CheckFixture.BASE + "use cilium { version \"1.18.5\"; values { hubble: { relay: { enabled: true } } } }\n");
    Component cilium = Component.of(program.model(), decl(program, Kind.COMPONENT, "cilium"));
    assertEquals("1.18.5", cilium.chart().orElseThrow().version());
    assertEquals("kube-system", cilium.namespace());
    assertEquals(Map.of("enabled", true), ((Map<?, ?>) ((Map<?, ?>) cilium.values().get("hubble")).get("relay")));
    assertEquals(true, cilium.values().containsKey("kubeProxyReplacement"), "the component's own values stay: " + cilium.values());
    assertSame(cilium, Component.of(program.model(), cilium.decl()), "lowered once per analysis");
  }

  @Test
  void aSecretsSourcesAreInSourceOrderAndAnExternalKeyDefaultsToItsName() {
    Program program = CheckFixture.program(CheckFixture.BASE + """
        use external-secrets
        store kv { via vault }
        secret a { external kv; keys ["x", "y"] }
        secret b { external kv key "apps/b" }
        secret c { sops "c.yaml" }
        """);
    Secret a = Secret.of(program.model(), decl(program, Kind.SECRET, "a"));
    assertEquals(List.of("x", "y"), a.keys());
    Secret.External external = (Secret.External) a.source().orElseThrow();
    assertEquals("kv", external.store());
    assertEquals("a", external.key());
    assertEquals("apps/b", ((Secret.External) Secret.of(program.model(), decl(program, Kind.SECRET, "b")).source().orElseThrow()).key());
    Secret c = Secret.of(program.model(), decl(program, Kind.SECRET, "c"));
    assertEquals("c.yaml", ((Secret.Sops) c.source().orElseThrow()).path());
    assertEquals(List.of(), c.keys());
  }

  @Test
  void aDnsZoneIsTheClustersDomainUnlessGivenAndItIsServedByK8sGatewayByDefault() {
    Program program = CheckFixture.program(CheckFixture.BASE + """
        use k8s-gateway
        use cilium
        pool lb { range 10.0.0.100..10.0.0.120; via cilium }
        dns home { address 10.0.0.100 }
        dns lab { address 10.0.0.101; zone "lab.example.org"; via k8s-gateway }
        """);
    Dns home = Dns.of(program.model(), decl(program, Kind.DNS, "home"));
    assertEquals("example.org", home.zone());
    assertEquals("k8s-gateway", home.via());
    assertEquals("10.0.0.100", home.address().orElseThrow().toString());
    assertEquals("lab.example.org", Dns.of(program.model(), decl(program, Kind.DNS, "lab")).zone());
  }
}
