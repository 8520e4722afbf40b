package dev.clusterc.compiler.emit.component;

import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.schema.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DnsEmitterTest {
  @Test
  void k8sGatewayIsAHelmReleaseOfTheComponentsOciSourceForTheClusterDomain() {
    Snippets.assertMatches("component/DnsEmitterTest-ociSource", PlatformEmitFixture.homelab().yaml("split"));
  }

  @Test
  void zoneMetallbAnnotationAndTheUsesValuesMergedUnderTheDeclarations() {
    Snippets.assertMatches("component/DnsEmitterTest-zoneAndMetallb",
        PlatformEmitFixture.emit(PlatformEmitFixture.fluxProgram(DNSMETALLB)).yaml("home"));
  }

  @Test
  void anHttpsChartIsReadFromTheComponentsHelmRepository() {
    Snippets.assertMatches("component/DnsEmitterTest-httpsChart",
        PlatformEmitFixture.emit(PlatformEmitFixture.fluxProgram(DNSHTTPS)).yaml("home"));
  }

  @TestFactory
  Stream<DynamicTest> examples() {
    return PlatformEmitFixture.examples(Kind.DNS);
  }

  static final String DNSMETALLB = """
      use metallb
      use k8s-gateway { values { ttl: 30, service: { port: 5353 } } }
      pool lb { range 10.0.0.100..10.0.0.150; via metallb }
      dns home { address 10.0.0.100; zone "home.example.org" }
      """;

  static final String DNSHTTPS = """
      use cilium
      component my-dns {
        chart    "https://charts.example.org" name "k8s-gateway" version "2.4.0"
        provides ["dns:k8s-gateway"]
      }
      pool lb { range 10.0.0.100..10.0.0.150; via cilium }
      dns home { address 10.0.0.100 }
      """;
}
