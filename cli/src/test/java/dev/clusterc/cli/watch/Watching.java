package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterc.cli.Main;
import dev.clusterc.cli.Terminal;
import dev.clusterc.cli.Version;
import dev.clusterc.cli.run.RuntimeEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * {@code clusterc apply --watch …} running in the test's JVM through the command line, as a user starts
 * it (picocli, {@code Main}, {@code ApplyCommand}, the real engine), with its status server on a free
 * loopback port: its log, its endpoints, its metrics, and a stop as SIGTERM would ask for it.
 */
final class Watching implements AutoCloseable {
  private static final Pattern STATUS = Pattern.compile("status=http://(127\\.0\\.0\\.1:\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicReference<WatchRun> run = new AtomicReference<>();
  private final AtomicInteger exit = new AtomicInteger(Integer.MIN_VALUE);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Thread thread;
  private final String address;

  private Watching(List<String> args) {
    thread = new Thread(() -> exit.set(new CommandLine(
        new Main(Terminal.plain(InputStream.nullInputStream()), new RuntimeEngine(Version.NUMBER), run::set))
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(args.toArray(String[]::new))), "clusterc-apply-watch");
    thread.start();
    Await.until(() -> "a started line; exit " + exit.get() + ", log:\n" + log(),
        () -> STATUS.matcher(out.toString()).find() || !thread.isAlive());
    Matcher m = STATUS.matcher(out.toString());
    if (!m.find()) {
      throw new AssertionError("the watch ended at start (exit " + exit.get() + "):\n" + log());
    }
    address = m.group(1);
  }

  /** Starts {@code clusterc apply --watch ARGS --kubeconfig KUBECONFIG --status-address 127.0.0.1:0}. */
  static Watching start(Path kubeconfig, String... args) {
    List<String> all = new ArrayList<>(List.of("apply", "--watch"));
    all.addAll(List.of(args));
    all.addAll(List.of("--kubeconfig", kubeconfig.toString(), "--status-address", "127.0.0.1:0"));
    return new Watching(all);
  }

  /** What it printed so far: standard output, then standard error. */
  String log() {
    return out + (err.toString().isEmpty() ? "" : "--- stderr\n" + err);
  }

  /** The status code of {@code GET path}, or -1 when the server does not answer. */
  int code(String path) {
    try {
      return get(path).statusCode();
    } catch (UncheckedIOException e) {
      return -1;
    }
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** {@code POST /poll}: look at the source now. */
  void poll() {
    assertEquals(202, send(HttpRequest.newBuilder(uri("/poll")).POST(HttpRequest.BodyPublishers.noBody()))
        .statusCode());
  }

  /** The {@code /status} document. */
  JsonNode status() {
    try {
      return JSON.readTree(get("/status").body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The revision the reconciler applied last, from {@code /status}; empty while none. */
  String appliedRevision() {
    JsonNode reconciler = status().path("reconciler");
    return reconciler.path("appliedRevision").isTextual() ? reconciler.get("appliedRevision").asText() : "";
  }

  /** The sum of the samples of {@code metric} whose labels contain {@code labels} (e.g. {@code result="ok"}). */
  double metric(String metric, String labels) {
    double sum = 0;
    for (String line : get("/metrics").body().split("\n")) {
      if (line.startsWith("#") || !(line.startsWith(metric + " ") || line.startsWith(metric + "{"))) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      if (labels.isEmpty() || line.substring(0, space).contains(labels)) {
        sum += Double.parseDouble(line.substring(space + 1));
      }
    }
    return sum;
  }

  double metric(String metric) {
    return metric(metric, "");
  }

  /** Waits until {@code /readyz} answers 200: the first revision read and applied. */
  void awaitReady() {
    Await.until(() -> "/readyz 200; log:\n" + log(), () -> code("/readyz") == 200);
  }

  /** Waits until the log holds {@code fragment}. */
  void awaitLog(String fragment) {
    Await.until(() -> "'" + fragment + "' in the log:\n" + log(), () -> out.toString().contains(fragment));
  }

  /** Stops it as SIGTERM would and waits for the shutdown; the exit status. */
  int stop() {
    WatchRun watch = run.get();
    if (watch != null) {
      watch.stop();
    }
    try {
      thread.join(Duration.ofMinutes(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return exit.get();
  }

  /** Stops it unless stopped already; a watch ends with 0 after a requested stop, and never prints a stack trace. */
  @Override
  public void close() {
    if (thread.isAlive()) {
      stop();
    }
    assertEquals(0, exit.get(), this::log);
    assertFalse(log().contains("\tat ") || log().contains("Exception"), this::log);
  }

  private URI uri(String path) {
    return URI.create("http://" + address + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
