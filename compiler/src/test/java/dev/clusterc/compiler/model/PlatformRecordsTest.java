package dev.clusterc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.types.Ipv4;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vip, issuer and certificate records: the schema's defaults, and references resolved to declarations. */
class PlatformRecordsTest {
  static final String PLATFORM = CheckFixture.BASE + """
      use cert-manager
      vip api { address 10.0.0.50 }
      vip talos { address 10.0.0.51; on [cp, w1]; via talos; interface "eth0" }
      secret cf { sops "secrets/cloudflare.sops.yaml"; keys ["api-token"] }
      issuer le { email "a@example.org"; solver dns01 route53 token cf }
      issuer test { email "b@example.org"; server staging; solver dns01 cloudflare token cf }
      certificate site { hosts ["www.example.org", "example.org"]; issuer le }
      """;

  @Test
  void aVipFloatsByKubeVipOnTheControlPlaneUnlessToldOtherwise() throws Exception {
    Program program = CheckFixture.program(PLATFORM);
    Vip api = Vip.of(program.model(), decl(program, Kind.VIP, "api"));
    assertEquals(Ipv4.parse("10.0.0.50"), api.address());
    assertEquals("kube-vip", api.via());
    assertFalse(api.viaTalos());
    assertEquals(List.of(), api.on());
    assertNull(api.networkInterface());
    Vip talos = Vip.of(program.model(), decl(program, Kind.VIP, "talos"));
    assertTrue(talos.viaTalos());
    assertEquals(List.of("cp", "w1"), talos.on().stream().map(Decl::name).toList());
    assertEquals("eth0", talos.networkInterface());
  }

  @Test
  void anIssuerIsOnProductionByDefaultWithItsSolversProviderAndToken() {
    Program program = CheckFixture.program(PLATFORM);
    Issuer le = Issuer.of(program.model(), decl(program, Kind.ISSUER, "le"));
    assertEquals("production", le.server());
    assertFalse(le.staging());
    assertEquals("a@example.org", le.email());
    assertTrue(le.solver().route53());
    assertSame(decl(program, Kind.SECRET, "cf"), le.solver().token());
    Issuer test = Issuer.of(program.model(), decl(program, Kind.ISSUER, "test"));
    assertTrue(test.staging());
    assertEquals("cloudflare", test.solver().provider());
  }

  @Test
  void aCertificateHasItsHostsItsIssuerAndItsSecret() {
    Program program = CheckFixture.program(PLATFORM);
    Certificate site = Certificate.of(program.model(), decl(program, Kind.CERTIFICATE, "site"));
    assertEquals(List.of("www.example.org", "example.org"), site.hosts());
    assertSame(decl(program, Kind.ISSUER, "le"), site.issuer());
    assertEquals("site-tls", site.secretName());
  }

  private static Decl decl(Program program, Kind kind, String name) {
    return program.decls(kind).stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }
}
