package dev.clusterc.cli.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP endpoints of a watching apply (the JDK's server, daemon threads): {@code GET /healthz}
 * (200 while the loop runs), {@code GET /readyz} (200 when ready, else 503 with the reason),
 * {@code GET /metrics} (Prometheus text format), {@code GET /status} (JSON) and {@code POST /poll}
 * (look at the source now). Unauthenticated: bind it to loopback, or to a pod's address behind a
 * NetworkPolicy.
 */
public final class StatusServer implements AutoCloseable {
  /** What the endpoints report; called from the server's threads. */
  public interface Probes {
    /** Whether the watch loop still runs. */
    boolean alive();

    /** Why the process is not ready, or empty when it is. */
    Optional<String> notReady();

    /** The {@code /status} document: plain maps, lists, strings, numbers and booleans. */
    Map<String, Object> status();
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEXT = "text/plain; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService threads;

  private StatusServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Serves on {@code address} (port 0: any free port, see {@link #address()}).
   *
   * @throws IOException when the address cannot be bound (in use, not local)
   */
  public static StatusServer start(InetSocketAddress address, Probes probes, PrometheusRegistry registry, Runnable poll)
      throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    ExecutorService threads = Executors.newFixedThreadPool(2, task -> {
      Thread thread = new Thread(task, "clusterc-status");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(threads);
    PrometheusTextFormatWriter metrics = PrometheusTextFormatWriter.create();
    server.createContext("/healthz", exchange -> {
      if (method(exchange, "GET")) {
        boolean alive = probes.alive();
        send(exchange, alive ? 200 : 503, TEXT, alive ? "ok\n" : "the watch loop has stopped\n");
      }
    });
    server.createContext("/readyz", exchange -> {
      if (method(exchange, "GET")) {
        Optional<String> reason = probes.notReady();
        send(exchange, reason.isEmpty() ? 200 : 503, TEXT, reason.map(r -> r + "\n").orElse("ok\n"));
      }
    });
    server.createContext("/metrics", exchange -> {
      if (method(exchange, "GET")) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        metrics.write(body, registry.scrape());
        send(exchange, 200, metrics.getContentType(), body.toByteArray());
      }
    });
    server.createContext("/status", exchange -> {
      if (method(exchange, "GET")) {
        send(exchange, 200, "application/json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(probes.status()) + "\n");
      }
    });
    server.createContext("/poll", exchange -> {
      if (method(exchange, "POST")) {
        poll.run();
        send(exchange, 202, TEXT, "polling the source\n");
      }
    });
    server.createContext("/", exchange -> send(exchange, 404, TEXT,
        "not found: try /healthz, /readyz, /metrics, /status or POST /poll\n"));
    server.start();
    return new StatusServer(server, threads);
  }

  /** Where it listens: the port chosen when 0 was asked for. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Stops serving at once; requests in progress are dropped. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** Whether the request uses {@code expected}; answers 405 when not. Exact paths only: anything below is 404. */
  private static boolean method(HttpExchange exchange, String expected) throws IOException {
    if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
      send(exchange, 404, TEXT, "not found\n");
      return false;
    }
    if (!exchange.getRequestMethod().equals(expected)) {
      exchange.getResponseHeaders().set("Allow", expected);
      send(exchange, 405, TEXT, "use " + expected + "\n");
      return false;
    }
    return true;
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
