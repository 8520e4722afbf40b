package dev.clusterc.compiler.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clusterc.compiler.emit.core.ChartException;
import dev.clusterc.compiler.model.Component;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts from an OCI registry: a registry on loopback that, like ghcr.io, answers an anonymous
 * request with a 401 Bearer challenge, hands out a token at its realm, and then serves the
 * manifest of {@code CHART:VERSION} and its Helm chart layer (an archive the Helm library packaged).
 */
class OciRegistryTest {
  private static final String TOKEN = "anonymous-token";

  @TempDir Path work;
  private HttpServer server;
  private final List<String> requests = new ArrayList<>();
  private byte[] archive;
  private String digest;

  @BeforeEach
  void serve() throws IOException {
    try (LoopbackChartRepository packager = LoopbackChartRepository.start(work.resolve("repository"))) {
      packager.add("widgets", "1.2.3", "greeting: hello\n", Map.of("cm.yaml",
          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  greeting: {{ .Values.greeting }}\n"),
          Map.of());
    }
    archive = Files.readAllBytes(work.resolve("repository/packaged/widgets-1.2.3.tgz"));
    digest = "sha256:" + ChartCache.sha256(archive);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", exchange -> {
      requests.add(exchange.getRequestURI().toString());
      answer(exchange, 200, ("{\"token\": \"" + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8));
    });
    server.createContext("/v2/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      requests.add(path);
      if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://127.0.0.1:"
            + server.getAddress().getPort() + "/token\",service=\"loopback\",scope=\"repository:charts/widgets:pull\"");
        answer(exchange, 401, new byte[0]);
      } else if (path.equals("/v2/charts/widgets/manifests/1.2.3")) {
        answer(exchange, 200, ("{\"schemaVersion\": 2, \"layers\": [{\"mediaType\": \"" + OciRegistry.CHART_LAYER
            + "\", \"digest\": \"" + digest + "\", \"size\": " + archive.length + "}]}").getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/v2/charts/widgets/blobs/" + digest)) {
        answer(exchange, 200, archive);
      } else {
        answer(exchange, 404, new byte[0]);
      }
    });
    server.start();
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String registry() {
    return "oci://127.0.0.1:" + server.getAddress().getPort() + "/charts";
  }

  @Test
  void aChartIsPulledWithTheAnonymousTokenAndRenderedFromTheCache() throws Exception {
    HelmChartRenderer renderer = new HelmChartRenderer(new ChartCache(work.resolve("cache"), new ChartSource()));
    String rendered = renderer.render(new Component.Chart(registry(), "widgets", "1.2.3"), "w", "ns", Map.of("greeting", "hi"));
    assertTrue(rendered.contains("name: w") && rendered.contains("greeting: hi"), rendered);
    assertEquals(List.of("/v2/charts/widgets/manifests/1.2.3", "/token?service=loopback&scope=repository%3Acharts%2Fwidgets%3Apull",
        "/v2/charts/widgets/manifests/1.2.3", "/v2/charts/widgets/blobs/" + digest), requests);
    renderer.render(new Component.Chart(registry(), "widgets", "1.2.3"), "w", "ns", Map.of());
    assertEquals(4, requests.size(), "the second render reads the cache");
  }

  @Test
  void aTagTheRegistryDoesNotHaveIsAFetchError() {
    HelmChartRenderer renderer = new HelmChartRenderer(new ChartCache(work.resolve("cache"), new ChartSource()));
    ChartException missing = assertThrows(ChartException.class,
        () -> renderer.render(new Component.Chart(registry(), "widgets", "9.9.9"), "w", "ns", Map.of()));
    assertEquals(ChartException.Stage.FETCH, missing.stage());
    assertTrue(missing.getMessage().endsWith("/v2/charts/widgets/manifests/9.9.9 answered HTTP 404"), missing.getMessage());
  }
}
