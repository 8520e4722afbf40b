package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.check.CheckerHarness.run;
import static dev.clusterc.compiler.check.CheckerHarness.runBroken;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import org.junit.jupiter.api.Test;

class SolverCheckerTest {
  private static final Checker CHECKER = new SolverChecker();

  /** The base cluster (7 lines), a token secret on line 9 and the issuer on line 10. */
  private static String issuer(String solver) {
    return CheckFixture.BASE + "use cert-manager\nsecret dns { sops \"secrets/dns.sops.yaml\"; keys [\"api-key\"] }\n"
        + "issuer le { email \"a@example.org\"; solver " + solver + " }\n";
  }

  @Test
  void aCompleteWebhookSolverIsFine() {
    assertEquals("", run(CHECKER, issuer("dns01 webhook group \"acme.hetzner.com\" name \"hetzner\" token dns "
        + "config { zoneName: \"example.org\", apiUrl: \"https://dns.hetzner.com/api/v1\" }")));
  }

  @Test
  void theBuiltInProvidersAreFine() {
    assertEquals("", run(CHECKER, issuer("dns01 cloudflare token dns")));
    assertEquals("", run(CHECKER, issuer("dns01 route53 token dns")));
  }

  @Test
  void aWebhookNeedsItsGroupAndItsName() {
    assertEquals("""
        10:36: error[missing-property]: the webhook solver of issuer le needs the solver's `name`
        10:36: error[missing-property]: the webhook solver of issuer le needs the webhook's API `group`""",
        runBroken(CHECKER, issuer("dns01 webhook token dns")));
  }

  @Test
  void theGroupIsADnsNameAndTheNameASolverName() {
    assertEquals("""
        10:63: error[invalid-value]: `Hetzner` is no API group: cert-manager calls the webhook at /apis/GROUP/v1alpha1
        10:78: error[invalid-value]: `Het zner` is no solver name""",
        run(CHECKER, issuer("dns01 webhook group \"Hetzner\" name \"Het zner\" token dns")));
  }

  @Test
  void builtInProvidersTakeNoWebhookParts() {
    assertEquals("""
        10:66: error[invalid-value]: the cloudflare solver of issuer le takes no `group`
        10:84: error[invalid-value]: the cloudflare solver of issuer le takes no `name`
        10:105: error[invalid-value]: the cloudflare solver of issuer le takes no `config`""",
        run(CHECKER, issuer("dns01 cloudflare group \"acme.x.com\" name \"x\" token dns config { a: \"b\" }")));
  }

  @Test
  void aSecretWrittenIntoTheWebhookConfigIsPlaintext() {
    assertEquals("10:124: error[plaintext-secret]: `apiKey` of the webhook solver of issuer le holds a secret in plain text",
        run(CHECKER, issuer("dns01 webhook group \"acme.hetzner.com\" name \"hetzner\" token dns config { apiKey: \"abc\" }")));
  }
}
