package dev.clusterc.testapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubeapitest.Utils;
import io.fabric8.kubeapitest.binary.OSInfo;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Start and stop by hand, twice in one JVM, and check that nothing is left behind. */
class TestApiServerLifecycleTest {

  @Test
  void startsTwiceInOneJvmAndCleansUpAfterEach() {
    int firstPort = -1;
    for (int round = 1; round <= 2; round++) {
      Path workDir;
      int port;
      try (TestApiServer server = TestApiServer.withoutCrds()) {
        KubernetesClient client = server.start();
        workDir = server.workDirectory();
        port = server.url().getPort();
        Path binaries = workDir.resolve("k8s")
            .resolve(server.kubernetesVersion().substring(1) + Utils.platformSuffix(new OSInfo()));
        assertTrue(Files.isExecutable(binaries.resolve("etcd")), "kube-api-test layout");
        assertTrue(Files.isExecutable(binaries.resolve("kube-apiserver")), "kube-api-test layout");
        assertTrue(Files.isSymbolicLink(binaries.resolve("kubectl")), "kube-api-test layout");
        assertFalse(client.namespaces().list().getItems().isEmpty());
        assertEquals(1, TestApiServer.running());
        System.out.printf("test-apiserver: round %d, bare server started in %.1f s%n", round,
            server.startupTimes().total().toMillis() / 1000.0);
      }
      assertEquals(0, TestApiServer.running());
      assertFalse(Files.exists(workDir), "temp dir removed: " + workDir);
      assertFalse(accepts(port), "nothing listens on " + port + " after close");
      if (round == 1) {
        firstPort = port;
      } else {
        assertNotEquals(firstPort, port, "each server has its own port");
      }
    }
  }

  /** kube-api-test starts etcd on 0.0.0.0; the wrapper keeps it (and everything else) on loopback. */
  @Test
  void listensOnLoopbackOnly() throws IOException {
    Set<String> before = wildcardListeners();
    try (TestApiServer server = TestApiServer.withoutCrds()) {
      server.start();
      Set<String> during = wildcardListeners();
      during.removeAll(before);
      assertEquals(Set.of(), during, "new sockets listening on all interfaces");
    }
  }

  /** Local addresses of TCP sockets listening on 0.0.0.0 or ::, from /proc/net/tcp{,6}. */
  private static Set<String> wildcardListeners() throws IOException {
    Set<String> listeners = new HashSet<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file)) {
        String[] fields = line.trim().split("\\s+");
        boolean listening = fields.length > 3 && "0A".equals(fields[3]);
        if (listening && fields[1].matches("0+:[0-9A-F]{4}")) {
          listeners.add(table + " " + fields[1]);
        }
      }
    }
    return listeners;
  }

  @Test
  void startsOnlyOnce() {
    try (TestApiServer server = TestApiServer.withoutCrds()) {
      server.start();
      assertThrows(IllegalStateException.class, server::start);
    }
  }

  @Test
  void closeWithoutStartIsHarmless() {
    TestApiServer server = new TestApiServer();
    server.close();
    server.close();
    assertThrows(IllegalStateException.class, server::client);
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
