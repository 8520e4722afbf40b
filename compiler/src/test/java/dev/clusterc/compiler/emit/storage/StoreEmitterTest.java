package dev.clusterc.compiler.emit.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.schema.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class StoreEmitterTest {
  @Test
  void azureKeyVaultConfigIsTheAzurekvProviderBlockAsWritten() {
    assertEquals("""
        apiVersion: external-secrets.io/v1
        kind: ClusterSecretStore
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:9
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: azure-kv
            app.kubernetes.io/part-of: test
          name: azure-kv
        spec:
          provider:
            azurekv:
              authSecretRef:
                clientId:
                  key: client-id
                  name: azure-sp
                  namespace: external-secrets
                clientSecret:
                  key: client-secret
                  name: azure-sp
                  namespace: external-secrets
              authType: ServicePrincipal
              tenantId: 00000000-0000-0000-0000-000000000000
              vaultUrl: https://kv.vault.azure.net
        """, PlatformEmitFixture.emit(PlatformEmitFixture.program(AZURE)).yaml("azure-kv"));
  }

  @Test
  void awsGetsSecretsManagerUnlessItsConfigNamesAService() {
    PlatformEmitFixture.Emitted emitted = PlatformEmitFixture.emit(PlatformEmitFixture.program(STORES));
    assertEquals("""
        apiVersion: external-secrets.io/v1
        kind: ClusterSecretStore
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:9
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: aws-sm
            app.kubernetes.io/part-of: test
          name: aws-sm
        spec:
          provider:
            aws:
              region: eu-west-1
              service: SecretsManager
        """, emitted.yaml("aws-sm"));
    assertEquals("""
        apiVersion: external-secrets.io/v1
        kind: ClusterSecretStore
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:10
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: aws-ps
            app.kubernetes.io/part-of: test
          name: aws-ps
        spec:
          provider:
            aws:
              region: eu-west-1
              service: ParameterStore
        """, emitted.yaml("aws-ps"));
  }

  @Test
  void vaultAndOnepasswordKeepTheirNames() {
    PlatformEmitFixture.Emitted emitted = PlatformEmitFixture.emit(PlatformEmitFixture.program(STORES));
    assertEquals("""
        apiVersion: external-secrets.io/v1
        kind: ClusterSecretStore
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:11
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: vault
            app.kubernetes.io/part-of: test
          name: vault
        spec:
          provider:
            vault:
              path: kv
              server: https://vault.example.org
              version: v2
        """, emitted.yaml("vault"));
    assertEquals("""
        apiVersion: external-secrets.io/v1
        kind: ClusterSecretStore
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:12
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: op
            app.kubernetes.io/part-of: test
          name: op
        spec:
          provider:
            onepassword:
              auth:
                secretRef:
                  connectTokenSecretRef:
                    key: token
                    name: op-token
                    namespace: external-secrets
              connectHost: http://onepassword-connect:8080
              vaults:
                homelab: 1
        """, emitted.yaml("op"));
  }

  @TestFactory
  Stream<DynamicTest> examples() {
    return PlatformEmitFixture.examples(Kind.STORE);
  }

  static final String AZURE = """
      use external-secrets
      store azure-kv {
        via azure-keyvault
        config {
          vaultUrl: "https://kv.vault.azure.net",
          tenantId: "00000000-0000-0000-0000-000000000000",
          authType: "ServicePrincipal",
          authSecretRef: {
            clientId: { name: "azure-sp", namespace: "external-secrets", key: "client-id" },
            clientSecret: { name: "azure-sp", namespace: "external-secrets", key: "client-secret" },
          },
        }
      }
      """;

  static final String STORES = """
      use external-secrets
      store aws-sm { via aws; config { region: "eu-west-1" } }
      store aws-ps { via aws; config { service: "ParameterStore", region: "eu-west-1" } }
      store vault { via vault; config { server: "https://vault.example.org", path: "kv", version: "v2" } }
      store op {
        via onepassword
        config {
          connectHost: "http://onepassword-connect:8080",
          vaults: { homelab: 1 },
          auth: { secretRef: { connectTokenSecretRef: { name: "op-token", namespace: "external-secrets", key: "token" } } },
        }
      }
      """;
}
