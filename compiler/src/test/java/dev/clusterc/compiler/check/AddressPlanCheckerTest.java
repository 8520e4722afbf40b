package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.check.CheckerHarness.detailed;
import static dev.clusterc.compiler.check.CheckerHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import org.junit.jupiter.api.Test;

/** {@link CheckFixture#BASE}: network.nodes 10.0.0.0/24, router 10.0.0.1, nodes .2, .11, .12; lines 1–7. */
class AddressPlanCheckerTest {
  private static final Checker CHECKER = new AddressPlanChecker();

  @Test
  void theBaseClusterIsInsideItsNetwork() {
    assertEquals("", run(CHECKER, CheckFixture.BASE));
  }

  @Test
  void aNodeOutsideTheNodeNetwork() {
    assertEquals("""
        8:32: error[address-outside-network]: the address 10.0.1.13 of node w3 is outside network.nodes 10.0.0.0/24
          hint: use an address in 10.0.0.0/24, or widen network.nodes
          note 3:19: network.nodes is set here""",
        detailed(CHECKER, CheckFixture.BASE + "node w3 { role worker; address 10.0.1.13 }\n"));
  }

  @Test
  void aVipOutsideTheNodeNetwork() {
    assertEquals("8:19: error[address-outside-network]: the address 192.168.0.50 of vip api is outside network.nodes 10.0.0.0/24",
        run(CHECKER, CheckFixture.BASE + "vip api { address 192.168.0.50 }\n"));
  }

  @Test
  void aRouterOutsideTheNodeNetwork() {
    String text = """
        cluster test {
          domain "example.org"
          network { nodes 10.0.0.0/24; router 10.0.1.1 }
        }
        node cp { role control-plane; address 10.0.0.2 }
        """;
    assertEquals("3:39: error[address-outside-network]: the address 10.0.1.1 of the router is outside network.nodes 10.0.0.0/24",
        run(CHECKER, text));
  }

  @Test
  void theFirstAndLastAddressesAreInside() {
    assertEquals("", run(CHECKER, CheckFixture.BASE + "node w3 { role worker; address 10.0.0.255 }\nvip api { address 10.0.0.0 }\n"));
  }

  @Test
  void anL2RangePoolOutsideTheNodeNetwork() {
    assertEquals("""
        9:17: error[address-outside-network]: the range 10.0.1.10..10.0.1.20 of pool lb is outside network.nodes 10.0.0.0/24
          hint: an l2 pool is announced on the node network: keep its range in 10.0.0.0/24, or use `announce bgp`
          note 3:19: network.nodes is set here""",
        detailed(CHECKER, CheckFixture.BASE + "use cilium\npool lb { range 10.0.1.10..10.0.1.20; via cilium }\n"));
  }

  @Test
  void anL2RangePoolReachingOutOfTheNodeNetwork() {
    assertEquals("9:17: error[address-outside-network]: the range 10.0.0.250..10.0.1.5 of pool lb reaches outside network.nodes 10.0.0.0/24",
        run(CHECKER, CheckFixture.BASE + "use cilium\npool lb { range 10.0.0.250..10.0.1.5; via cilium }\n"));
  }

  @Test
  void anL2CidrPoolCountsAsItsRange() {
    assertEquals("9:17: error[address-outside-network]: the range 10.0.0.0/23 of pool lb reaches outside network.nodes 10.0.0.0/24",
        run(CHECKER, CheckFixture.BASE + "use cilium\npool lb { range 10.0.0.0/23; via cilium }\n"));
    assertEquals("", run(CHECKER, CheckFixture.BASE + "use cilium\npool lb { range 10.0.0.128/25; via cilium }\n"));
  }

  @Test
  void aSingleAddressPoolIsARangeToo() {
    assertEquals("9:17: error[address-outside-network]: the range 10.0.5.5/32 of pool lb is outside network.nodes 10.0.0.0/24",
        run(CHECKER, CheckFixture.BASE + "use cilium\npool lb { range 10.0.5.5/32; via cilium }\n"));
    assertEquals("", run(CHECKER, CheckFixture.BASE + "use cilium\npool lb { range 10.0.0.200/32; via cilium }\n"));
  }

  @Test
  void everyRangeOfAPoolIsChecked() {
    String text = CheckFixture.BASE + """
        use cilium
        pool lb {
          range 10.0.0.200..10.0.0.210
          range 10.9.0.0/24
          via   cilium
        }
        """;
    assertEquals("11:9: error[address-outside-network]: the range 10.9.0.0/24 of pool lb is outside network.nodes 10.0.0.0/24",
        run(CHECKER, text));
  }

  @Test
  void aBgpPoolMayLieAnywhere() {
    assertEquals("", run(CHECKER, CheckFixture.BASE + "use cilium\npool lb { range 172.16.0.0/24; announce bgp; via cilium }\n"));
  }

  @Test
  void gatewayAndDnsAddressesAreLeftToThePools() {
    String text = CheckFixture.BASE + """
        use cilium
        use k8s-gateway
        pool lb { range 172.16.0.0/24; announce bgp; via cilium }
        gateway web { address 172.16.0.10; class cilium; listener http { } }
        dns split { address 172.16.0.11; via k8s-gateway }
        """;
    assertEquals("", run(CHECKER, text));
  }

  @Test
  void nothingIsCheckedAgainstAnInvalidNodeNetwork() {
    String text = """
        cluster test {
          domain "example.org"
          network { nodes 10.0.0.0/33; router 10.9.9.9 }
        }
        node cp { role control-plane; address 10.0.0.2 }
        """;
    assertEquals("", run(CHECKER, text));
  }

  @Test
  void aHostBitsNodeNetworkIsUsedAsItsCanonicalNetwork() {
    String text = """
        cluster test {
          domain "example.org"
          network { nodes 10.0.0.7/24; router 10.0.0.1 }
        }
        node cp { role control-plane; address 10.0.0.2 }
        node w1 { role worker; address 10.0.1.2 }
        """;
    assertEquals("6:32: error[address-outside-network]: the address 10.0.1.2 of node w1 is outside network.nodes 10.0.0.7/24",
        run(CHECKER, text));
  }

  @Test
  void theWholeCheckReportsItOnce() {
    assertEquals("8:32: error[address-outside-network]: the address 10.0.1.13 of node w3 is outside network.nodes 10.0.0.0/24",
        CheckFixture.check(CheckFixture.BASE + "node w3 { role worker; address 10.0.1.13 }\n"));
  }
}
