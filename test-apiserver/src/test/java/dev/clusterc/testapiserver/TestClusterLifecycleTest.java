package dev.clusterc.testapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Start and close by hand: five processes while it runs, none after, logs kept. */
@Tag(WithTestCluster.TAG)
class TestClusterLifecycleTest {

  @Test
  void closeLeavesNoProcessBehind() {
    Map<String, Long> pids;
    Path kubeconfig;
    Path logs;
    try (TestCluster cluster = new TestCluster()) {
      cluster.start();
      pids = cluster.processIds();
      kubeconfig = cluster.kubeconfig();
      logs = cluster.logDirectory();
      assertEquals(List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler",
          "kwok"), List.copyOf(pids.keySet()));
      for (var entry : pids.entrySet()) {
        assertTrue(alive(entry.getValue()), entry.getKey() + " runs");
      }
      assertEquals(1, TestCluster.running());
      System.out.printf("test-cluster: started in %.1f s%n",
          cluster.startupTimes().total().toMillis() / 1000.0);
    }
    for (var entry : pids.entrySet()) {
      assertFalse(alive(entry.getValue()), entry.getKey() + " (pid " + entry.getValue()
          + ") still runs after close");
    }
    assertEquals(0, TestCluster.running());
    assertFalse(Files.exists(kubeconfig), "work directory removed with the kubeconfig");
    for (String name : pids.keySet()) {
      assertTrue(Files.isRegularFile(logs.resolve(name + ".log")), name + ".log kept");
    }
    assertEquals(Set.of(), Set.copyOf(ProcessHandle.current().children()
        .filter(child -> pids.containsValue(child.pid())).toList()), "children left");
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
