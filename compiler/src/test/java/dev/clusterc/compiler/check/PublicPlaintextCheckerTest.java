package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PublicPlaintextCheckerTest {
  private static final PublicPlaintextChecker CHECKER = new PublicPlaintextChecker();

  /** Lines 8–12: what an https listener needs (cert-manager, an issuer, a certificate); gateways start at line 13. */
  private static final String TLS = BASE + """
      use cilium
      use cert-manager
      secret cloudflare-token { sops "secrets/cloudflare.sops.yaml"; keys ["api-token"] }
      issuer letsencrypt { email "admin@example.org"; solver dns01 cloudflare token cloudflare-token }
      certificate wildcard { hosts ["*.example.org"]; issuer letsencrypt }
      """;

  @Test
  void aPublicGatewayWithAnHttpListener() {
    assertEquals("""
        15:12: warning[public-plaintext]: public gateway external has a plain-HTTP listener `http`
          hint: serve it over https with a certificate (`listener https { hostname …; certificate … }`), or `expose internal`
          note 14:12: gateway external is exposed to the internet here""", CheckerHarness.detailed(CHECKER, TLS + """
            gateway external {
              expose   public
              listener http { hostname "*.example.org" }
              class    cilium
            }
            """));
  }

  @Test
  void anExplicitHttpProtocolIsReportedAtTheProtocol() {
    assertEquals("15:27: warning[public-plaintext]: public gateway external has a plain-HTTP listener `web`",
        CheckerHarness.run(CHECKER, TLS + """
            gateway external {
              expose   public
              listener web { protocol http; port 8080 }
              class    cilium
            }
            """));
  }

  @Test
  void theProtocolWinsOverTheName() {
    assertEquals("13:86: warning[public-plaintext]: public gateway external has a plain-HTTP listener `https`",
        CheckerHarness.run(CHECKER, TLS
            + "gateway external { class cilium; expose public; listener https { port 8443; protocol http } }\n"));
  }

  @Test
  void aPublicHttpsGatewayIsFine() {
    assertEquals("", CheckerHarness.run(CHECKER, TLS + """
        gateway external {
          class    cilium
          expose   public
          listener https { hostname "*.example.org"; certificate wildcard }
          listener alt   { protocol https; port 8443; certificate wildcard }
        }
        """));
  }

  @Test
  void anInternalGatewayMayServePlainHttp() {
    assertEquals("", CheckerHarness.run(CHECKER, TLS + """
        gateway internal { class cilium; listener http { port 80 } }
        gateway lan      { class cilium; expose internal; listener http { port 80 } }
        """));
  }

  @Test
  void aListenerWhoseProtocolIsUnknownIsNotJudged() {
    assertEquals("", CheckerHarness.runBroken(CHECKER, TLS
        + "gateway external { class cilium; expose public; listener web { port 80 } }\n"));
  }
}
