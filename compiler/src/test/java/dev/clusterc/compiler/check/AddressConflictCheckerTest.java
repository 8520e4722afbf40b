package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.check.CheckerHarness.detailed;
import static dev.clusterc.compiler.check.CheckerHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import org.junit.jupiter.api.Test;

/** {@link CheckFixture#BASE}: router 10.0.0.1, cp 10.0.0.2 (line 5), w1 10.0.0.11, w2 10.0.0.12; lines 1–7. */
class AddressConflictCheckerTest {
  private static final Checker CHECKER = new AddressConflictChecker();

  private static final String LB = CheckFixture.BASE + """
      use cilium
      use k8s-gateway
      pool lb { range 10.0.0.200..10.0.0.220; via cilium }
      """;

  @Test
  void theBaseClusterHasNoConflict() {
    assertEquals("", run(CHECKER, CheckFixture.BASE));
  }

  @Test
  void twoNodesWithOneAddressReportTheSecond() {
    assertEquals("""
        8:32: error[address-conflict]: the address 10.0.0.11 of node w3 is already the address of node w1
          hint: give node w3 an address of its own
          note 6:32: node w1 has 10.0.0.11 here""",
        detailed(CHECKER, CheckFixture.BASE + "node w3 { role worker; address 10.0.0.11 }\n"));
  }

  @Test
  void everyLaterUseIsReportedAgainstTheFirst() {
    String text = CheckFixture.BASE + """
        node w3 { role worker; address 10.0.0.2 }
        node w4 { role worker; address 10.0.0.2 }
        """;
    assertEquals("""
        8:32: error[address-conflict]: the address 10.0.0.2 of node w3 is already the address of node cp
        9:32: error[address-conflict]: the address 10.0.0.2 of node w4 is already the address of node cp""", run(CHECKER, text));
  }

  @Test
  void aVipOnTheRouter() {
    assertEquals("""
        8:19: error[address-conflict]: the address 10.0.0.1 of vip api is already the address of the router
          hint: give vip api an address of its own
          note 3:39: the router has 10.0.0.1 here""", detailed(CHECKER, CheckFixture.BASE + "vip api { address 10.0.0.1 }\n"));
  }

  @Test
  void aGatewayOnAVipAndADnsOnAGateway() {
    String text = LB + """
        vip api { address 10.0.0.50 }
        gateway web { address 10.0.0.50; class cilium; listener http { hostname "*.example.org" } }
        gateway web2 { address 10.0.0.201; class cilium; listener http { hostname "*.example.org" } }
        dns split { address 10.0.0.201; via k8s-gateway }
        """;
    assertEquals("""
        12:23: error[address-conflict]: the address 10.0.0.50 of gateway web is already the address of vip api
          hint: give gateway web an address of its own
          note 11:19: vip api has 10.0.0.50 here
        14:21: error[address-conflict]: the address 10.0.0.201 of dns split is already the address of gateway web2
          hint: give dns split an address of its own
          note 13:24: gateway web2 has 10.0.0.201 here""", detailed(CHECKER, text));
  }

  @Test
  void theSecondUseIsTheLaterInSourceOrderWhateverTheKind() {
    String text = LB + """
        dns split { address 10.0.0.201; via k8s-gateway }
        gateway web { address 10.0.0.201; class cilium; listener http { hostname "*.example.org" } }
        """;
    assertEquals("12:23: error[address-conflict]: the address 10.0.0.201 of gateway web is already the address of dns split",
        run(CHECKER, text));
  }

  @Test
  void gatewaysAndDnsBelongInsidePools() {
    String text = LB + """
        gateway web { address 10.0.0.200; class cilium; listener http { hostname "*.example.org" } }
        dns split { address 10.0.0.220; via k8s-gateway }
        """;
    assertEquals("", run(CHECKER, text));
  }

  @Test
  void aRangePoolContainingAVip() {
    String text = CheckFixture.BASE + """
        use cilium
        vip api { address 10.0.0.200 }
        pool lb { range 10.0.0.192..10.0.0.254; via cilium }
        """;
    assertEquals("""
        10:17: error[address-conflict]: pool lb contains the address 10.0.0.200 of vip api
          hint: a load balancer could hand 10.0.0.200 out a second time: shrink the range of pool lb so that it leaves 10.0.0.200 out
          note 9:19: vip api has 10.0.0.200 here""", detailed(CHECKER, text));
  }

  @Test
  void aCidrPoolContainingTheRouterAndNodes() {
    String text = CheckFixture.BASE + "use cilium\npool lb { range 10.0.0.0/28; via cilium }\n";
    assertEquals("""
        9:17: error[address-conflict]: pool lb contains 4 addresses in use: 10.0.0.1 of the router, 10.0.0.2 of node cp, 10.0.0.11 of node w1, 10.0.0.12 of node w2
          hint: a load balancer could hand them out a second time: shrink the range of pool lb so that it leaves them out
          note 3:39: the router has 10.0.0.1 here
          note 5:39: node cp has 10.0.0.2 here
          note 6:32: node w1 has 10.0.0.11 here
          note 7:32: node w2 has 10.0.0.12 here""", detailed(CHECKER, text));
  }

  @Test
  void aSingleAddressPoolOnANode() {
    String text = CheckFixture.BASE + """
        use cilium
        pool lb  { range 10.0.0.12/32; via cilium }
        pool lb2 { range 10.0.0.13/32; via cilium }
        """;
    assertEquals("9:18: error[address-conflict]: pool lb contains the address 10.0.0.12 of node w2", run(CHECKER, text));
  }

  @Test
  void aPoolRangeEndingOnANode() {
    String text = CheckFixture.BASE + "use cilium\npool lb { range 10.0.0.3..10.0.0.11; via cilium }\n";
    assertEquals("9:17: error[address-conflict]: pool lb contains the address 10.0.0.11 of node w1", run(CHECKER, text));
  }

  @Test
  void aRejectedAddressTakesNoPart() {
    assertEquals("", run(CHECKER, CheckFixture.BASE + "node w3 { role worker; address 10.0.0.300 }\n"));
  }

  @Test
  void theWholeCheckReportsItOnce() {
    assertEquals("8:32: error[address-conflict]: the address 10.0.0.11 of node w3 is already the address of node w1",
        CheckFixture.check(CheckFixture.BASE + "node w3 { role worker; address 10.0.0.11 }\n"));
  }
}
