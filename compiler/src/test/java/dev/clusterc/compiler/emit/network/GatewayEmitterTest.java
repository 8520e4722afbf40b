package dev.clusterc.compiler.emit.network;


import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.schema.Kind;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class GatewayEmitterTest {
  @Test
  void ciliumGatewayPinsItsAddressInSpecAddressesAndTerminatesTlsWithTheCertificateSecret() {
    Snippets.assertMatches("network/GatewayEmitterTest-ciliumGatewayPinsItsAddressInSpecAddressesAndTerminatesTlsWithTheCertificateSecret",
        PlatformEmitFixture.homelab().yaml("internal"));
  }

  @Test
  void envoyGatewayPinsItsAddressThroughTheInfrastructureAnnotationOfTheCiliumPool() {
    Snippets.assertMatches("network/GatewayEmitterTest-envoyGatewayPinsItsAddressThroughTheInfrastructureAnnotationOfTheCiliumPool",
        emit(ENVOY).yaml("web"));
  }

  @Test
  void nginxPinsItsAddressThroughTheInfrastructureAnnotationOfTheMetallbPool() {
    Snippets.assertMatches("network/GatewayEmitterTest-nginxPinsItsAddressThroughTheInfrastructureAnnotationOfTheMetallbPool",
        emit(NGINX).yaml("web"));
  }

  @Test
  void traefikServesFromItsChartsServiceSoTheGatewayCarriesNoAddress() {
    Snippets.assertMatches("network/GatewayEmitterTest-traefikServesFromItsChartsServiceSoTheGatewayCarriesNoAddress",
        emit(TRAEFIK).yaml("web"));
  }

  @Test
  void ciliumWithAMetallbPoolHasBothForms() {
    Snippets.assertMatches("network/GatewayEmitterTest-ciliumWithAMetallbPoolHasBothForms",
        emit(CILIUM_METALLB).yaml("web"));
  }

  @Test
  void aCertificateInAnotherNamespaceIsReferencedThereAndGrantedByAReferenceGrant() {
    Snippets.assertMatches("network/GatewayEmitterTest-aCertificateInAnotherNamespaceIsReferencedThereAndGrantedByAReferenceGrant",
        emit(SHARED).yaml("cg"));
  }

  @TestFactory
  Stream<DynamicTest> examples() {
    return PlatformEmitFixture.examples(Kind.GATEWAY);
  }

  static PlatformEmitFixture.Emitted emit(String text) {
    Path dir = PlatformEmitFixture.workingDirectory(Map.of(
        "secrets/cloudflare.sops.yaml", PlatformEmitFixture.sops("cf", "cert-manager", "api-token"),
        "secrets/aws.sops.yaml", PlatformEmitFixture.sops("aws", "cert-manager", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")));
    return PlatformEmitFixture.emit(PlatformEmitFixture.program(text, dir));
  }

  static final String ENVOY = """
      use cilium
      use envoy-gateway
      use cert-manager
      pool lb { range 10.0.0.100..10.0.0.199; via cilium }
      secret cf { sops "secrets/cloudflare.sops.yaml"; keys ["api-token"] }
      issuer le { email "a@example.org"; solver dns01 cloudflare token cf }
      certificate site { hosts ["www.example.org"]; issuer le }
      gateway web {
        address  10.0.0.110
        class    envoy-gateway
        listener http { port 8080 }
        listener https { hostname "WWW.example.org."; certificate site }
      }
      """;

  static final String NGINX = """
      use metallb
      use nginx-gateway
      pool lb { range 10.0.0.100..10.0.0.199; via metallb }
      gateway web { address 10.0.0.110; class nginx; listener http {} }
      """;

  static final String TRAEFIK = """
      use metallb
      use traefik
      pool lb { range 10.0.0.100..10.0.0.199; via metallb }
      gateway web { address 10.0.0.110; class traefik; listener http {} }
      """;

  static final String CILIUM_METALLB = """
      use cilium
      use metallb
      pool lb { range 10.0.0.100..10.0.0.199; via metallb }
      gateway web { address 10.0.0.110; class cilium; listener http {} }
      """;

  static final String SHARED = """
      use cilium
      use envoy-gateway
      use cert-manager
      pool lb { range 10.0.0.100..10.0.0.199; via cilium }
      secret cf { sops "secrets/cloudflare.sops.yaml"; keys ["api-token"] }
      issuer le { email "a@example.org"; solver dns01 cloudflare token cf }
      certificate site { hosts ["www.example.org"]; issuer le }
      gateway eg { address 10.0.0.110; class envoy-gateway; listener https { hostname "www.example.org"; certificate site } }
      gateway cg { address 10.0.0.111; class cilium; listener https { hostname "www.example.org"; certificate site } }
      """;
}
