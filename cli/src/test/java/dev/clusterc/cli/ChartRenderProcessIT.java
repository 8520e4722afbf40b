package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterc compile} of a cluster without {@code gitops}, as a process, against a Helm chart
 * repository on loopback that serves a chart this test packages with the Helm library: the tree
 * holds the rendered objects and no Flux object, the chart is fetched once into the cache the
 * environment names, and with the repository down the compile fails naming the chart and writes
 * nothing.
 */
class ChartRenderProcessIT {
  private static final Path JAR = Cli.repo().resolve("cli/target/clusterc.jar");

  @TempDir Path temp;
  private HttpServer server;
  private final Map<String, byte[]> served = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void serve() throws Exception {
    Path chart = temp.resolve("src/hello");
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: hello\nversion: 0.3.0\n");
    Files.writeString(chart.resolve("values.yaml"), "message: default\n");
    Files.writeString(chart.resolve("templates/config.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-config
        data:
          message: {{ .Values.message | quote }}
        """);
    new Helm(chart).packageIt().withDestination(temp).call();
    served.put("/charts/hello-0.3.0.tgz", Files.readAllBytes(temp.resolve("hello-0.3.0.tgz")));
    served.put("/charts/index.yaml", """
        apiVersion: v1
        entries:
          hello:
          - name: hello
            version: 0.3.0
            urls: [hello-0.3.0.tgz]
        """.getBytes(StandardCharsets.UTF_8));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] body = served.get(exchange.getRequestURI().getPath());
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      if (body != null) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      exchange.close();
    });
    server.start();
    Sources.write(temp.resolve("pi/cluster.cluster"), """
        cluster pi {
          domain "home.arpa"
          network { nodes 192.168.1.0/24; router 192.168.1.1 }
        }
        node pi0 { role control-plane; address 192.168.1.10 }
        component hello {
          namespace greetings
          chart "http://127.0.0.1:%d/charts" name "hello" version "0.3.0"
          values { message: "from clusterc" }
        }
        """.formatted(server.getAddress().getPort()));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theChartIsRenderedIntoTheTreeAndFetchedOnce() throws Exception {
    Run first = compile();
    assertEquals(0, first.exit(), first.err());
    Path config = temp.resolve("out/clusters/pi/controllers/hello");
    String tree = contents(temp.resolve("out"));
    assertTrue(tree.contains("name: hello-config") && tree.contains("namespace: greetings")
        && tree.contains("message: from clusterc"), tree);
    assertTrue(Files.isDirectory(config) || tree.contains("hello-config"), tree);
    for (String flux : List.of("fluxcd.io", "HelmRelease", "HelmRepository")) {
      assertFalse(tree.contains(flux), flux + " in\n" + tree);
    }
    assertTrue(first.err().contains("kubectl apply --server-side -k clusters/pi/"), first.err());
    int fetched = requests.get();
    assertEquals(2, fetched, "index.yaml and the archive");
    Run second = compile();
    assertEquals(0, second.exit(), second.err());
    assertEquals(fetched, requests.get(), "the second compile takes the chart from the cache");
  }

  @Test
  void withTheRepositoryDownTheCompileFailsNamingTheChartAndWritesNothing() throws Exception {
    server.stop(0);
    Run run = compile();
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().contains("error[chart-unavailable]: chart \"hello\" version \"0.3.0\" from http://127.0.0.1:"), run.err());
    assertTrue(run.err().contains("cluster.cluster:6:11"), run.err());
    assertFalse(Files.exists(temp.resolve("out")), "nothing is written");
  }

  private record Run(int exit, String err) {}

  private Run compile() throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " is packaged before the integration tests");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString(), "compile", "pi", "-o", "out").directory(temp.toFile());
    builder.environment().put("NO_COLOR", "1");
    builder.environment().put("CLUSTERC_CHART_CACHE", temp.resolve("cache").toString());
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "finishes");
    return new Run(process.exitValue(), err);
  }

  private static String contents(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return "";
    }
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        all.append("# ").append(dir.relativize(file)).append('\n').append(Files.readString(file));
      }
    }
    return all.toString();
  }
}
