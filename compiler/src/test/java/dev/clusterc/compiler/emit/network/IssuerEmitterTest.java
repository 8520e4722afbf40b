package dev.clusterc.compiler.emit.network;


import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.schema.Kind;
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
