package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterc.cli.run.RunSettings;
import dev.clusterc.testapiserver.TestApiServer;
import dev.clusterc.testapiserver.WithTestApiServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole watch in-process against a real kube-apiserver, on a fed source: it starts its status
 * server and its loop, reports a revision that does not check on {@code /status} and in the log,
 * polls on {@code POST /poll}, and a requested stop closes the source and the server and returns 0.
 * Applying and healing are the reconciler's tests.
 */
@WithTestApiServer(crds = false)
class WatchRunApiServerTest {
  private static final Pattern STATUS = Pattern.compile("status=http://(127\\.0\\.0\\.1:\\d+)");

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private HttpResponse<String> send(String address, String path, boolean post) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + address + path)).timeout(Duration.ofSeconds(10));
    return http.send((post ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aWatchServesReportsARejectedRevisionAndStopsCleanly(TestApiServer server) throws Exception {
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), server.kubeConfigYaml());
    Path broken = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(broken.resolve("test.cluster"), """
        cluster watchtest {
          domain "example.org"
          network { nodes 10.0.0.0/24; router 10.0.0.1 }
        }
        node cp { role control-plane; address 10.0.0.2; lables { a: "b" } }
        """);
    RunSettings run = new RunSettings(kubeconfig, null, Duration.ofMinutes(1), 2, false, false, false, false, false);
    WatchSettings settings = new WatchSettings(run, false, Duration.ofMinutes(10), new InetSocketAddress("127.0.0.1", 0),
        false, "clusterc-system", Optional.empty(), WatchLog.Format.text);
    FakeSource source = new FakeSource();
    StringWriter out = new StringWriter();
    WatchRun watch = new WatchRun("test", settings, () -> source, new PrintWriter(out, true));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread thread = new Thread(() -> {
      try {
        exit.set(watch.run());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, "watch-run-test");
    thread.start();
    try {
      RecordingSink.await(() -> STATUS.matcher(out.toString()).find(), () -> "a started line in:\n" + out);
      Matcher m = STATUS.matcher(out.toString());
      assertTrue(m.find());
      String address = m.group(1);

      assertEquals(200, send(address, "/healthz", false).statusCode());
      HttpResponse<String> waiting = send(address, "/readyz", false);
      assertEquals(503, waiting.statusCode());
      assertTrue(waiting.body().startsWith("waiting for the first revision of fake"), waiting.body());

      source.offer(new Snapshot(broken, "sha256:bad", "broken"));
      RecordingSink.await(() -> out.toString().contains("source-rejected"), () -> "a source-rejected line in:\n" + out);
      JsonNode status = new ObjectMapper().readTree(send(address, "/status", false).body());
      assertEquals("sha256:bad", status.get("lastRevision").asText());
      assertEquals(false, status.get("lastRevisionAccepted").asBoolean());
      assertTrue(status.get("diagnostics").get(0).asText().startsWith("test.cluster:5:"), status.toString());
      assertTrue(send(address, "/metrics", false).body().contains("clusterc_source_rejected_total 1.0"));

      assertEquals(202, send(address, "/poll", true).statusCode());
      assertEquals(1, source.polls.get());

      watch.stop();
      thread.join(120_000);
      assertEquals(0, exit.get(), out::toString);
      assertTrue(source.closed, "the source was closed");
      assertTrue(out.toString().contains("stopped reason=requested"), out.toString());
      assertThrows(IOException.class, () -> send(address, "/healthz", false), "the status server stopped");
    } finally {
      watch.stop();
      thread.join(120_000);
    }
  }
}
