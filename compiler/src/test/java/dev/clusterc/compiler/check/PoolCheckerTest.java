package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.check.CheckerHarness.detailed;
import static dev.clusterc.compiler.check.CheckerHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import org.junit.jupiter.api.Test;

/** {@link CheckFixture#BASE} (lines 1–7) with cilium and k8s-gateway in use (lines 8–9). */
class PoolCheckerTest {
  private static final Checker CHECKER = new PoolChecker();

  private static final String PROVIDERS = CheckFixture.BASE + "use cilium\nuse k8s-gateway\n";

  @Test
  void aGatewayWithoutAnyPool() {
    String text = PROVIDERS + "gateway web { address 10.0.0.60; class cilium; listener http { hostname \"*.example.org\" } }\n";
    assertEquals("""
        10:23: error[address-outside-pool]: the address 10.0.0.60 of gateway web is in no pool, so no load balancer announces it
          hint: declare a pool that contains it: `pool lb { range FIRST..LAST; via cilium }`""", detailed(CHECKER, text));
  }

  @Test
  void aDnsAddressOutsideEveryPoolNamesThePools() {
    String text = PROVIDERS + """
        pool internal { range 10.0.0.200..10.0.0.210; range 10.0.0.240/30; via cilium }
        pool external { range 10.0.0.220/32; via cilium }
        dns split { address 10.0.0.211; via k8s-gateway }
        """;
    assertEquals("""
        12:21: error[address-outside-pool]: the address 10.0.0.211 of dns split is in no pool, so no load balancer announces it
          hint: use an address of pool internal (10.0.0.200..10.0.0.210, 10.0.0.240/30) or pool external (10.0.0.220/32), or add a range that contains it
          note 10:23: pool internal has the range 10.0.0.200..10.0.0.210
          note 10:53: pool internal has the range 10.0.0.240/30
          note 11:23: pool external has the range 10.0.0.220/32""", detailed(CHECKER, text));
  }

  @Test
  void addressesInsideRangeCidrAndSingleAddressPools() {
    String text = PROVIDERS + """
        pool internal { range 10.0.0.200..10.0.0.210; range 10.0.0.240/30; via cilium }
        pool external { range 10.0.0.220/32; via cilium }
        gateway web  { address 10.0.0.220; class cilium; listener http { hostname "*.example.org" } }
        gateway web2 { address 10.0.0.243; class cilium; listener http { hostname "*.example.org" } }
        dns split { address 10.0.0.200; via k8s-gateway }
        dns other { address 10.0.0.210; via k8s-gateway }
        """;
    assertEquals("", run(CHECKER, text));
  }

  @Test
  void justPastTheEndOfACidrPool() {
    String text = PROVIDERS + """
        pool lb { range 10.0.0.240/30; via cilium }
        dns split { address 10.0.0.244; via k8s-gateway }
        """;
    assertEquals("11:21: error[address-outside-pool]: the address 10.0.0.244 of dns split is in no pool, so no load balancer announces it",
        run(CHECKER, text));
  }

  @Test
  void aBgpPoolAnnouncesToo() {
    String text = PROVIDERS + """
        pool bgp { range 172.16.0.0/24; announce bgp; via cilium }
        gateway web { address 172.16.0.10; class cilium; listener http { hostname "*.example.org" } }
        """;
    assertEquals("", run(CHECKER, text));
  }

  @Test
  void aGatewayWithoutAddressIsNotChecked() {
    assertEquals("", run(CHECKER, PROVIDERS + "gateway web { class cilium; listener http { hostname \"*.example.org\" } }\n"));
  }

  @Test
  void aRejectedPoolRangeSilencesTheCheck() {
    String text = PROVIDERS + """
        pool lb { range 10.0.0.200..10.0.0.300; via cilium }
        dns split { address 10.0.0.211; via k8s-gateway }
        """;
    assertEquals("", run(CHECKER, text));
  }

  @Test
  void theWholeCheckReportsItOnce() {
    String text = PROVIDERS + """
        pool lb { range 10.0.0.200..10.0.0.220; via cilium }
        gateway web { address 10.0.0.60; class cilium; listener http { hostname "*.example.org" } }
        """;
    assertEquals("11:23: error[address-outside-pool]: the address 10.0.0.60 of gateway web is in no pool, so no load balancer announces it",
        CheckFixture.check(text));
  }
}
