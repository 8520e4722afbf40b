package dev.clusterc.compiler.charts;

import com.marcnuri.helm.Helm;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Helm chart repository on 127.0.0.1 for tests: charts are written as directories,
 * packaged by the Helm library itself ({@code helm package}), and served with an
 * {@code index.yaml} listing each archive's address (relative, as {@code helm repo index} writes
 * it) and SHA-256. Every request is counted, so a test can show that a cached chart is not fetched
 * again.
 */
public final class LoopbackChartRepository implements AutoCloseable {
  private final Path root;
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> entries = new ArrayList<>();
  private final Map<String, byte[]> files = new TreeMap<>();

  private LoopbackChartRepository(Path root) throws IOException {
    this.root = root;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      String name = exchange.getRequestURI().getPath().replaceFirst("^/charts/", "");
      byte[] body;
      synchronized (files) {
        body = files.get(name);
      }
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      exchange.close();
    });
    server.start();
  }

  /** A repository serving from {@code http://127.0.0.1:PORT/charts/}; its chart sources go under {@code work}. */
  public static LoopbackChartRepository start(Path work) throws IOException {
    return new LoopbackChartRepository(work);
  }

  /** The repository's address, as a component's {@code chart} names it. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/charts";
  }

  /** How many requests the repository has answered (404s included). */
  public int requests() {
    return requests.get();
  }

  /**
   * Writes chart {@code name} {@code version} (templates and CRDs by file name, default values as
   * YAML), packages it with Helm and lists it in the index.
   */
  public void add(String name, String version, String values, Map<String, String> templates, Map<String, String> crds) {
    try {
      Path chart = root.resolve("src").resolve(name + "-" + version).resolve(name);
      Files.createDirectories(chart.resolve("templates"));
      Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: " + version + "\n");
      Files.writeString(chart.resolve("values.yaml"), values);
      for (var template : templates.entrySet()) {
        Files.writeString(chart.resolve("templates").resolve(template.getKey()), template.getValue());
      }
      if (!crds.isEmpty()) {
        Files.createDirectories(chart.resolve("crds"));
        for (var crd : crds.entrySet()) {
          Files.writeString(chart.resolve("crds").resolve(crd.getKey()), crd.getValue());
        }
      }
      Path packaged = root.resolve("packaged");
      Files.createDirectories(packaged);
      new Helm(chart).packageIt().withDestination(packaged).call();
      String archive = name + "-" + version + ".tgz";
      byte[] bytes = Files.readAllBytes(packaged.resolve(archive));
      synchronized (files) {
        files.put(archive, bytes);
        entries.add("  " + name + ":\n  - name: " + name + "\n    version: \"" + version + "\"\n    urls:\n    - " + archive
            + "\n    digest: " + sha256(bytes) + "\n");
        files.put("index.yaml", index().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The index: entries of one chart name merged (a name with two versions lists both). */
  private String index() {
    Map<String, StringBuilder> byName = new TreeMap<>();
    for (String entry : entries) {
      String name = entry.substring(2, entry.indexOf(':'));
      byName.computeIfAbsent(name, n -> new StringBuilder("  " + n + ":\n")).append(entry.substring(entry.indexOf('\n') + 1));
    }
    StringBuilder index = new StringBuilder("apiVersion: v1\nentries:\n");
    byName.values().forEach(index::append);
    return index.toString();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Serves {@code bytes} as {@code file} from now on, whatever the index says of it (a tampered archive). */
  public void replace(String file, byte[] bytes) {
    synchronized (files) {
      files.put(file, bytes);
    }
  }

  /** Stops serving: later requests find nothing listening. */
  @Override
  public void close() {
    server.stop(0);
  }
}
