package dev.clusterc.compiler.emit.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.model.Certificate;
import dev.clusterc.compiler.schema.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CertificateEmitterTest {
  @Test
  void certificateIsIssuedByTheClusterIssuerIntoNameTlsWhereTheFirstGatewayServesIt() {
    Snippets.assertMatches("network/CertificateEmitterTest-certificateIsIssuedByTheClusterIssuerIntoNameTlsWhereTheFirstGatewayServesIt",
        PlatformEmitFixture.homelab().yaml("wildcard"));
  }

  @Test
  void aCertificateNoGatewayServesLivesInDefault() {
    Snippets.assertMatches("network/CertificateEmitterTest-aCertificateNoGatewayServesLivesInDefault",
        GatewayEmitterTest.emit(LONE).yaml("site"));
  }

  @Test
  void theSecretNameIsTheCertificatesNameWithTls() {
    assertEquals("wildcard-tls", Certificate.secretName(PlatformEmitFixture.program(PlatformEmitFixture.HOMELAB)
        .decls(Kind.CERTIFICATE).get(0)));
  }

  @TestFactory
  Stream<DynamicTest> examples() {
    return PlatformEmitFixture.examples(Kind.CERTIFICATE);
  }

  static final String LONE = """
      use cert-manager
      secret cf { sops "secrets/cloudflare.sops.yaml"; keys ["api-token"] }
      issuer le { email "a@example.org"; solver dns01 cloudflare token cf }
      certificate site { hosts ["www.example.org"]; issuer le }
      """;
}
