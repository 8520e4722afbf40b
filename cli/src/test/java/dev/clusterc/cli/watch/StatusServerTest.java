package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterc.runtime.watch.WatchEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status server over real HTTP on a free loopback port. */
class StatusServerTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicInteger polls = new AtomicInteger();
  private final WatchMetrics metrics = new WatchMetrics(Clock.systemUTC());
  private volatile boolean alive = true;
  private volatile String notReady = "waiting for the first revision of examples/home";
  private StatusServer server;

  @BeforeEach
  void start() throws IOException {
    StatusServer.Probes probes = new StatusServer.Probes() {
      @Override
      public boolean alive() {
        return alive;
      }

      @Override
      public Optional<String> notReady() {
        return Optional.ofNullable(notReady);
      }

      @Override
      public Map<String, Object> status() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("source", "examples/home");
        doc.put("diagnostics", List.of("apps.cluster:3:5: unknown property `imagee`"));
        doc.put("reconciler", null);
        return doc;
      }
    };
    server = StatusServer.start(new InetSocketAddress("127.0.0.1", 0), probes, metrics.registry(), polls::incrementAndGet);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }

  @Test
  void portZeroBindsAFreePort() {
    assertNotEquals(0, server.address().getPort());
  }

  @Test
  void healthzFollowsTheLoop() throws Exception {
    HttpResponse<String> ok = get("/healthz");
    assertEquals(200, ok.statusCode());
    assertEquals("ok\n", ok.body());
    alive = false;
    HttpResponse<String> dead = get("/healthz");
    assertEquals(503, dead.statusCode());
    assertTrue(dead.body().contains("stopped"), dead.body());
  }

  @Test
  void readyzSaysWhyNotThenOk() throws Exception {
    HttpResponse<String> waiting = get("/readyz");
    assertEquals(503, waiting.statusCode());
    assertEquals("waiting for the first revision of examples/home\n", waiting.body());
    notReady = null;
    HttpResponse<String> ready = get("/readyz");
    assertEquals(200, ready.statusCode());
    assertEquals("ok\n", ready.body());
  }

  @Test
  void metricsAreInThePrometheusTextFormat() throws Exception {
    metrics.on(new WatchEvent.Reconciled("abc", 1, 0, 0, 0, true, null, Duration.ofSeconds(1)));
    HttpResponse<String> scrape = get("/metrics");
    assertEquals(200, scrape.statusCode());
    assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
        scrape.headers().toString());
    assertTrue(scrape.body().contains("# TYPE clusterc_reconciles_total counter"), scrape.body());
    assertTrue(scrape.body().contains("clusterc_reconciles_total{result=\"ok\"} 1.0"), scrape.body());
  }

  @Test
  void statusIsJson() throws Exception {
    HttpResponse<String> status = get("/status");
    assertEquals(200, status.statusCode());
    assertEquals("application/json", status.headers().firstValue("Content-Type").orElse(""));
    JsonNode doc = new ObjectMapper().readTree(status.body());
    assertEquals("examples/home", doc.get("source").asText());
    assertEquals("apps.cluster:3:5: unknown property `imagee`", doc.get("diagnostics").get(0).asText());
    assertTrue(doc.get("reconciler").isNull());
  }

  @Test
  void pollIsAPostThatAsksTheSource() throws Exception {
    HttpResponse<String> polled = send(HttpRequest.newBuilder(uri("/poll")).POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(202, polled.statusCode());
    assertEquals(1, polls.get());
    HttpResponse<String> wrong = get("/poll");
    assertEquals(405, wrong.statusCode());
    assertEquals("POST", wrong.headers().firstValue("Allow").orElse(""));
    assertEquals(1, polls.get(), "a GET does not poll");
  }

  @Test
  void otherPathsAndMethodsAreRefused() throws Exception {
    assertEquals(404, get("/").statusCode());
    assertEquals(404, get("/healthz/more").statusCode());
    assertEquals(404, get("/secrets").statusCode());
    HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/healthz")).POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(405, post.statusCode());
  }

  @Test
  void aTakenAddressIsAnIOException() {
    InetSocketAddress taken = server.address();
    org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> StatusServer.start(taken, null, metrics.registry(), () -> {}));
  }
}
