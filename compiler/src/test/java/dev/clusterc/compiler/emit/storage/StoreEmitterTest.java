package dev.clusterc.compiler.emit.storage;


import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.schema.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class StoreEmitterTest {
  @Test
  void azureKeyVaultConfigIsTheAzurekvProviderBlockAsWritten() {
    Snippets.assertMatches("storage/StoreEmitterTest-azure-kv",
        PlatformEmitFixture.emit(PlatformEmitFixture.program(AZURE)).yaml("azure-kv"));
  }

  @Test
  void awsGetsSecretsManagerUnlessItsConfigNamesAService() {
    PlatformEmitFixture.Emitted emitted = PlatformEmitFixture.emit(PlatformEmitFixture.program(STORES));
    Snippets.assertMatches("storage/StoreEmitterTest-aws-sm", emitted.yaml("aws-sm"));
    Snippets.assertMatches("storage/StoreEmitterTest-aws-ps", emitted.yaml("aws-ps"));
  }

  @Test
  void vaultAndOnepasswordKeepTheirNames() {
    PlatformEmitFixture.Emitted emitted = PlatformEmitFixture.emit(PlatformEmitFixture.program(STORES));
    Snippets.assertMatches("storage/StoreEmitterTest-vault", emitted.yaml("vault"));
    Snippets.assertMatches("storage/StoreEmitterTest-op", emitted.yaml("op"));
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
