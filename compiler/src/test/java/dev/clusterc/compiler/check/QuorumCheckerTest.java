package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.check.CheckerHarness.detailed;
import static dev.clusterc.compiler.check.CheckerHarness.run;
import static dev.clusterc.compiler.check.CheckerHarness.runBroken;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import org.junit.jupiter.api.Test;

class QuorumCheckerTest {
  private static final Checker CHECKER = new QuorumChecker();

  private static final String CLUSTER = """
      cluster lab {
        domain "lab.internal"
        network { nodes 192.168.1.0/24; router 192.168.1.1 }
      }
      node w0 { role worker; address 192.168.1.20 }
      """;

  /** The cluster with {@code n} control-plane nodes, cp0 on line 6. */
  private static String controlPlanes(int n) {
    StringBuilder text = new StringBuilder(CLUSTER);
    for (int i = 0; i < n; i++) {
      text.append("node cp").append(i).append(" { role control-plane; address 192.168.1.").append(10 + i).append(" }\n");
    }
    return text.toString();
  }

  @Test
  void noControlPlaneIsAnErrorAtTheClusterName() {
    assertEquals("""
        1:9: error[quorum]: cluster lab has no control-plane node: etcd has no member to keep the cluster's state
          hint: add 1 or 3 nodes with `role control-plane`""", detailed(CHECKER, controlPlanes(0)));
  }

  @Test
  void oneControlPlaneIsFine() {
    assertEquals("", run(CHECKER, controlPlanes(1)));
  }

  @Test
  void twoControlPlanesTolerateNoFailure() {
    assertEquals("""
        6:6: error[quorum]: 2 control-plane nodes tolerate no failure: etcd needs 2 of 2 members
          hint: use 1 or 3 control-plane nodes
          note 7:6: node cp1 is also a control-plane node""", detailed(CHECKER, controlPlanes(2)));
  }

  @Test
  void threeAndFiveControlPlanesAreFine() {
    assertEquals("", run(CHECKER, controlPlanes(3)));
    assertEquals("", run(CHECKER, controlPlanes(5)));
  }

  @Test
  void fourControlPlanesAreAWarning() {
    assertEquals("""
        6:6: warning[quorum]: 4 control-plane nodes tolerate 1 failure, no more than 3 do: etcd needs 3 of 4 members
          hint: use 3 or 5 control-plane nodes
          note 7:6: node cp1 is also a control-plane node
          note 8:6: node cp2 is also a control-plane node
          note 9:6: node cp3 is also a control-plane node""", detailed(CHECKER, controlPlanes(4)));
  }

  @Test
  void sixControlPlanesTolerateTwoFailures() {
    assertEquals("6:6: warning[quorum]: 6 control-plane nodes tolerate 2 failures, no more than 5 do: etcd needs 4 of 6 members",
        run(CHECKER, controlPlanes(6)));
  }

  @Test
  void reportedAtTheFirstControlPlaneInSourceOrderNotTheFirstNode() {
    String text = CLUSTER + """
        node w1  { role worker; address 192.168.1.21 }
        node cpa { role control-plane; address 192.168.1.10 }
        node cpb { role control-plane; address 192.168.1.11 }
        """;
    assertEquals("7:6: error[quorum]: 2 control-plane nodes tolerate no failure: etcd needs 2 of 2 members", run(CHECKER, text));
  }

  @Test
  void aNodeWithoutARoleIsNotCounted() {
    String text = controlPlanes(1) + "node cp9 { address 192.168.1.99 }\n";
    assertEquals("", runBroken(CHECKER, text));
  }

  @Test
  void notRunWhenAFileHasASyntaxError() {
    assertEquals("", runBroken(CHECKER, controlPlanes(2) + "node broken { role worker; address 192.168.1.30 @ }\n"));
  }

  @Test
  void notRunWithoutACluster() {
    assertEquals("", runBroken(CHECKER, "node cp0 { role control-plane; address 192.168.1.10 }\n"));
  }

  @Test
  void theWholeCheckReportsQuorumOnce() {
    assertEquals("6:6: error[quorum]: 2 control-plane nodes tolerate no failure: etcd needs 2 of 2 members",
        CheckFixture.check(controlPlanes(2)));
  }
}
