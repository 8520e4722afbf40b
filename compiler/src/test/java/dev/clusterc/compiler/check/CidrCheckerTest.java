package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.check.CheckerHarness.detailed;
import static dev.clusterc.compiler.check.CheckerHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import org.junit.jupiter.api.Test;

class CidrCheckerTest {
  private static final Checker CHECKER = new CidrChecker();

  private static String network(String entries) {
    return "cluster lab {\n  domain \"lab.internal\"\n  network {\n" + entries + "  }\n}\n"
        + "node cp0 { role control-plane; address 192.168.1.10 }\n";
  }

  @Test
  void theDefaultsDoNotOverlap() {
    assertEquals("", run(CHECKER, CheckFixture.BASE));
  }

  @Test
  void servicesOnTheDefaultPodNetworkIsReportedAtServices() {
    String text = """
        cluster lab {
          domain "lab.internal"
          network { nodes 192.168.1.0/24; router 192.168.1.1; services 10.42.0.0/16 }
        }
        node cp0 { role control-plane; address 192.168.1.10 }
        """;
    assertEquals("""
        3:64: error[cidr-overlap]: network.services 10.42.0.0/16 overlaps network.pods 10.42.0.0/16 (the default)
          hint: nodes, pods and services need three separate address spaces: move network.services to a range that overlaps neither of the others
          note 3:3: network.pods defaults to 10.42.0.0/16""", detailed(CHECKER, text));
  }

  @Test
  void nodesInsideTheDefaultPodNetworkIsReportedAtNodes() {
    String text = """
        cluster lab {
          domain "lab.internal"
          network { nodes 10.42.0.0/24; router 10.42.0.1 }
        }
        node cp0 { role control-plane; address 10.42.0.10 }
        """;
    assertEquals("3:19: error[cidr-overlap]: network.nodes 10.42.0.0/24 overlaps network.pods 10.42.0.0/16 (the default)",
        run(CHECKER, text));
  }

  @Test
  void twoWrittenNetworksAreReportedAtTheLaterOne() {
    assertEquals("""
        7:14: error[cidr-overlap]: network.services 10.96.0.0/12 overlaps network.pods 10.0.0.0/8
          hint: nodes, pods and services need three separate address spaces: move network.services to a range that overlaps neither of the others
          note 6:14: network.pods is set here""",
        detailed(CHECKER, network("    nodes    192.168.1.0/24\n    router   192.168.1.1\n    pods     10.0.0.0/8\n"
            + "    services 10.96.0.0/12\n")));
    assertEquals("5:14: error[cidr-overlap]: network.nodes 192.168.1.0/24 overlaps network.pods 192.168.0.0/16",
        run(CHECKER, network("    pods     192.168.0.0/16\n    nodes    192.168.1.0/24\n")));
  }

  @Test
  void writtenNetworksThatOnlyTouchDoNotOverlap() {
    assertEquals("", run(CHECKER, network("    nodes    10.41.255.0/24\n    pods     10.42.0.0/16\n    services 10.43.0.0/16\n")));
  }

  @Test
  void movingBothDefaultsIsFine() {
    assertEquals("", run(CHECKER, network("    nodes    10.42.0.0/24\n    pods     10.1.0.0/16\n    services 10.152.183.0/24\n")));
  }

  @Test
  void twoPoolsSharingAddresses() {
    String text = CheckFixture.BASE + """
        use cilium
        pool internal { range 10.0.0.200..10.0.0.220; via cilium }
        pool external { range 10.0.0.216/29; via cilium }
        """;
    assertEquals("""
        10:23: error[cidr-overlap]: the range 10.0.0.216/29 of pool external overlaps the range 10.0.0.200..10.0.0.220 of pool internal (10.0.0.216..10.0.0.220)
          hint: 10.0.0.216..10.0.0.220 would be handed out twice: make the ranges disjoint
          note 9:23: the range 10.0.0.200..10.0.0.220 of pool internal is here""", detailed(CHECKER, text));
  }

  @Test
  void poolsMeetingAtOneAddress() {
    String text = CheckFixture.BASE + """
        use cilium
        pool a { range 10.0.0.200..10.0.0.210; via cilium }
        pool b { range 10.0.0.210/32; via cilium }
        pool c { range 10.0.0.211..10.0.0.220; via cilium }
        """;
    assertEquals("10:16: error[cidr-overlap]: the range 10.0.0.210/32 of pool b overlaps the range 10.0.0.200..10.0.0.210 of pool a (10.0.0.210)",
        run(CHECKER, text));
  }

  @Test
  void twoRangesOfOnePool() {
    String text = CheckFixture.BASE + """
        use cilium
        pool lb {
          range 10.0.0.128/25
          range 10.0.0.192/26
          via   cilium
        }
        """;
    assertEquals("11:9: error[cidr-overlap]: the range 10.0.0.192/26 of pool lb overlaps the range 10.0.0.128/25 of pool lb (10.0.0.192..10.0.0.255)",
        run(CHECKER, text));
  }

  @Test
  void aPoolInTheDefaultPodOrServiceNetwork() {
    String text = CheckFixture.BASE + """
        use cilium
        pool bgp { range 10.42.7.0/24; announce bgp; via cilium }
        pool one { range 10.43.255.255/32; announce bgp; via cilium }
        """;
    assertEquals("""
        9:18: error[cidr-overlap]: the range 10.42.7.0/24 of pool bgp overlaps network.pods 10.42.0.0/16 (the default)
          hint: load-balancer addresses must lie outside the pods network 10.42.0.0/16
          note 3:3: network.pods defaults to 10.42.0.0/16
        10:18: error[cidr-overlap]: the range 10.43.255.255/32 of pool one overlaps network.services 10.43.0.0/16 (the default)
          hint: load-balancer addresses must lie outside the services network 10.43.0.0/16
          note 3:3: network.services defaults to 10.43.0.0/16""", detailed(CHECKER, text));
  }

  @Test
  void aPoolInAWrittenServiceNetwork() {
    String text = network("    nodes    192.168.1.0/24\n    services 172.20.0.0/16\n") + """
        use cilium
        pool bgp { range 172.20.1.1..172.20.1.9; announce bgp; via cilium }
        """;
    assertEquals("""
        10:18: error[cidr-overlap]: the range 172.20.1.1..172.20.1.9 of pool bgp overlaps network.services 172.20.0.0/16
          hint: load-balancer addresses must lie outside the services network 172.20.0.0/16
          note 5:14: network.services is set here""", detailed(CHECKER, text));
  }

  @Test
  void theDefaultsApplyWithoutPodsAndServicesEntries() {
    String text = """
        cluster lab {
          domain "lab.internal"; network { nodes 192.168.1.0/24 }
        }
        node cp0 { role control-plane; address 192.168.1.10 }
        use cilium
        pool bgp { range 10.42.7.0/24; announce bgp; via cilium }
        """;
    assertEquals("""
        6:18: error[cidr-overlap]: the range 10.42.7.0/24 of pool bgp overlaps network.pods 10.42.0.0/16 (the default)
          hint: load-balancer addresses must lie outside the pods network 10.42.0.0/16
          note 2:26: network.pods defaults to 10.42.0.0/16""", detailed(CHECKER, text));
  }

  @Test
  void anL2PoolInsideTheNodeNetworkIsNoOverlap() {
    assertEquals("", run(CHECKER, CheckFixture.BASE + "use cilium\npool lb { range 10.0.0.0/25; via cilium }\n"));
  }

  @Test
  void aHostBitsNetworkIsReportedOnceByTheBinderAndUsedCanonically() {
    String text = """
        cluster lab {
          domain "lab.internal"
          network { nodes 192.168.1.0/24; router 192.168.1.1; pods 10.42.1.0/8 }
        }
        node cp0 { role control-plane; address 192.168.1.10 }
        """;
    assertEquals("""
        3:60: error[cidr-not-canonical]: `10.42.1.0/8` has host bits set
        3:60: error[cidr-overlap]: network.pods 10.42.1.0/8 overlaps network.services 10.43.0.0/16 (the default)""",
        CheckFixture.check(text));
  }
}
