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

class IssuerEmitterTest {
  @Test
  void cloudflareSolverReadsTheTokenSecretsFirstKey() {
    Snippets.assertMatches("network/IssuerEmitterTest-cloudflareSolverReadsTheTokenSecretsFirstKey",
        PlatformEmitFixture.homelab().yaml("letsencrypt"));
  }

  @Test
  void route53OnStagingReadsTheAccessKeyIdAndTheSecretKeyByName() {
    Snippets.assertMatches("network/IssuerEmitterTest-route53OnStagingReadsTheAccessKeyIdAndTheSecretKeyByName",
        GatewayEmitterTest.emit(ROUTE53).yaml("le"));
  }

  @Test
  void route53WithoutKeysReadsTheConventionalKeyNames() {
    Snippets.assertMatches("network/IssuerEmitterTest-route53WithoutKeysReadsTheConventionalKeyNames",
        GatewayEmitterTest.emit(ROUTE53_NO_KEYS).yaml("le"));
  }

  @Test
  void hetznerWebhookSolverNamesGroupSolverAndTheTokenSecretInItsConfig() {
    Snippets.assertMatches("network/IssuerEmitterTest-hetznerWebhookSolverNamesGroupSolverAndTheTokenSecretInItsConfig",
        hetzner(HETZNER).yaml("le"));
  }

  @Test
  void aWebhookConfigThatNamesItsSecretKeepsItsOwnSecretName() {
    Snippets.assertMatches("network/IssuerEmitterTest-aWebhookConfigThatNamesItsSecretKeepsItsOwnSecretName",
        hetzner(HETZNER.replace("zoneName: \"example.org\"", "secretName: \"other\"")).yaml("le"));
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

  private static PlatformEmitFixture.Emitted hetzner(String text) {
    Path dir = PlatformEmitFixture.workingDirectory(Map.of(
        "secrets/hetzner.sops.yaml", PlatformEmitFixture.sops("hetzner", "cert-manager", "api-key")));
    return PlatformEmitFixture.emit(PlatformEmitFixture.program(text, dir));
  }

  static final String HETZNER = """
      use cert-manager
      secret hetzner { sops "secrets/hetzner.sops.yaml"; keys ["api-key"] }
      issuer le {
        email  "a@example.org"
        solver dns01 webhook group "acme.hetzner.com" name "hetzner" token hetzner config {
          zoneName: "example.org",
          apiUrl: "https://dns.hetzner.com/api/v1",
        }
      }
      """;
}
