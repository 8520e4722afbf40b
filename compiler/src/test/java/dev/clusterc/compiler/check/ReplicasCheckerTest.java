package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.check.CheckerHarness.detailed;
import static dev.clusterc.compiler.check.CheckerHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import org.junit.jupiter.api.Test;

class ReplicasCheckerTest {
  private static final Checker CHECKER = new ReplicasChecker();

  private static final String CLUSTER = """
      cluster lab {
        domain "lab.internal"
        network { nodes 192.168.1.0/24; router 192.168.1.1 }
      }
      """;

  private static final String ONE_CONTROL_PLANE = CLUSTER + "node cp0 { role control-plane; address 192.168.1.10 }\n";

  private static final String THREE_CONTROL_PLANES = CLUSTER + """
      node cp0 { role control-plane; address 192.168.1.10 }
      node cp1 { role control-plane; address 192.168.1.11 }
      node cp2 { role control-plane; address 192.168.1.12 }
      """;

  private static String database(int instances) {
    return "use cloudnative-pg\ndatabase postgres { engine postgres; instances " + instances + "; size 10Gi; backup none }\n";
  }

  private static String volume(int replicas) {
    return "use longhorn\nvolume data { size 20Gi; class \"longhorn\"; replicas " + replicas + "; backup none }\n";
  }

  @Test
  void threeInstancesOnASingleNode() {
    assertEquals("""
        7:48: error[replicas-exceed-nodes]: database postgres has 3 instances, but the cluster runs workloads on only 1 control-plane node and no worker (cp0)
          hint: each instance needs a node of its own: lower `instances` to 1, or add nodes
          note 5:6: node cp0 is eligible""", detailed(CHECKER, ONE_CONTROL_PLANE + database(3)));
  }

  @Test
  void controlPlanesCountWhenThereIsNoWorker() {
    assertEquals("", run(CHECKER, THREE_CONTROL_PLANES + database(3)));
    assertEquals("", run(CHECKER, THREE_CONTROL_PLANES + volume(3)));
    assertEquals("9:53: error[replicas-exceed-nodes]: volume data has 4 replicas, but the cluster runs workloads on only 3 control-plane nodes and no worker (cp0, cp1, cp2)",
        run(CHECKER, THREE_CONTROL_PLANES + volume(4)));
  }

  @Test
  void controlPlanesDoNotCountBesideWorkers() {
    String text = THREE_CONTROL_PLANES + """
        node w0 { role worker; address 192.168.1.20 }
        node w1 { role worker; address 192.168.1.21 }
        """ + volume(3);
    assertEquals("""
        11:53: error[replicas-exceed-nodes]: volume data has 3 replicas, but the cluster runs workloads on only 2 worker nodes (w0, w1)
          hint: each replica needs a node of its own: lower `replicas` to 2, or add worker nodes
          note 8:6: node w0 is eligible
          note 9:6: node w1 is eligible""", detailed(CHECKER, text));
  }

  @Test
  void asManyAsTheEligibleNodesIsFine() {
    assertEquals("", run(CHECKER, CheckFixture.BASE + volume(2)));
    assertEquals("", run(CHECKER, CheckFixture.BASE + database(2)));
  }

  @Test
  void oneWorkerIsOneEligibleNode() {
    String text = ONE_CONTROL_PLANE + "node w0 { role worker; address 192.168.1.20 }\n" + database(2);
    assertEquals("8:48: error[replicas-exceed-nodes]: database postgres has 2 instances, but the cluster runs workloads on only 1 worker node (w0)",
        run(CHECKER, text));
  }

  @Test
  void theDefaultsNeverExceed() {
    String text = ONE_CONTROL_PLANE + """
        use cloudnative-pg
        database postgres { engine postgres; size 10Gi; backup none }
        volume data { size 1Gi; backup none }
        """;
    assertEquals("", run(CHECKER, text));
  }

  @Test
  void theWholeCheckReportsItOnce() {
    assertEquals("7:48: error[replicas-exceed-nodes]: database postgres has 3 instances, but the cluster runs workloads on only 1 control-plane node and no worker (cp0)",
        CheckFixture.check(ONE_CONTROL_PLANE + database(3)));
  }
}
