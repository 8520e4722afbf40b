package dev.clusterc.compiler.emit.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.schema.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class IssuerEmitterTest {
  @Test
  void cloudflareSolverReadsTheTokenSecretsFirstKey() {
    assertEquals("""
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:22
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: letsencrypt
            app.kubernetes.io/part-of: test
          name: letsencrypt
        spec:
          acme:
            email: admin@example.org
            privateKeySecretRef:
              name: letsencrypt-account-key
            server: https://acme-v02.api.letsencrypt.org/directory
            solvers:
              - dns01:
                  cloudflare:
                    apiTokenSecretRef:
                      key: api-token
                      name: cloudflare-token
        """, PlatformEmitFixture.homelab().yaml("letsencrypt"));
  }

  @Test
  void route53OnStagingReadsTheAccessKeyIdAndTheSecretKeyByName() {
    assertEquals("""
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:10
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: le
            app.kubernetes.io/part-of: test
          name: le
        spec:
          acme:
            email: a@example.org
            privateKeySecretRef:
              name: le-account-key
            server: https://acme-staging-v02.api.letsencrypt.org/directory
            solvers:
              - dns01:
                  route53:
                    accessKeyIDSecretRef:
                      key: AWS_ACCESS_KEY_ID
                      name: aws
                    secretAccessKeySecretRef:
                      key: AWS_SECRET_ACCESS_KEY
                      name: aws
        """, GatewayEmitterTest.emit(ROUTE53).yaml("le"));
  }

  @Test
  void route53WithoutKeysReadsTheConventionalKeyNames() {
    assertEquals("""
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:10
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: le
            app.kubernetes.io/part-of: test
          name: le
        spec:
          acme:
            email: a@example.org
            privateKeySecretRef:
              name: le-account-key
            server: https://acme-v02.api.letsencrypt.org/directory
            solvers:
              - dns01:
                  route53:
                    accessKeyIDSecretRef:
                      key: access-key-id
                      name: aws
                    secretAccessKeySecretRef:
                      key: secret-access-key
                      name: aws
        """, GatewayEmitterTest.emit(ROUTE53_NO_KEYS).yaml("le"));
  }

  @TestFactory
  Stream<DynamicTest> examples() {
    return PlatformEmitFixture.examples(Kind.ISSUER);
  }

  static final String ROUTE53 = """
      use cert-manager
      secret aws { sops "secrets/aws.sops.yaml"; keys ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"] }
      issuer le { email "a@example.org"; server staging; solver dns01 route53 token aws }
      """;

  static final String ROUTE53_NO_KEYS = """
      use cert-manager
      secret aws { sops "secrets/aws.sops.yaml" }
      issuer le { email "a@example.org"; solver dns01 route53 token aws }
      """;
}
