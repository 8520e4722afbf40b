package dev.clusterc.compiler.emit.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.schema.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CertificateEmitterTest {
  @Test
  void certificateIsIssuedByTheClusterIssuerIntoNameTlsWhereTheFirstGatewayServesIt() {
    assertEquals("""
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:28
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: wildcard
            app.kubernetes.io/part-of: test
          name: wildcard
          namespace: kube-system
        spec:
          dnsNames:
            - example.org
            - '*.example.org'
          issuerRef:
            group: cert-manager.io
            kind: ClusterIssuer
            name: letsencrypt
          secretName: wildcard-tls
        """, PlatformEmitFixture.homelab().yaml("wildcard"));
  }

  @Test
  void aCertificateNoGatewayServesLivesInDefault() {
    assertEquals("""
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:11
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: site
            app.kubernetes.io/part-of: test
          name: site
          namespace: default
        spec:
          dnsNames:
            - www.example.org
          issuerRef:
            group: cert-manager.io
            kind: ClusterIssuer
            name: le
          secretName: site-tls
        """, GatewayEmitterTest.emit(LONE).yaml("site"));
  }

  @Test
  void theSecretNameIsTheCertificatesNameWithTls() {
    assertEquals("wildcard-tls", CertificateEmitter.secretName(PlatformEmitFixture.program(PlatformEmitFixture.HOMELAB)
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
