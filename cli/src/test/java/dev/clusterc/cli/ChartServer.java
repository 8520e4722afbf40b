package dev.clusterc.cli;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Helm chart repository on 127.0.0.1 for scenario tests: each chart is written from its files,
 * packaged with the Helm library and served with an {@code index.yaml} that lists every chart added
 * so far, under {@code /charts}, as a real repository would serve it.
 */
final class ChartServer implements AutoCloseable {
  private final Path work;
  private final HttpServer server;
  private final Map<String, byte[]> served = new ConcurrentHashMap<>();
  private final Map<String, String> versions = new TreeMap<>();

  private ChartServer(Path work, HttpServer server) {
    this.work = work;
    this.server = server;
  }

  /** A running, empty repository; packages are made under {@code work}. */
  static ChartServer start(Path work) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ChartServer charts = new ChartServer(work, server);
      server.createContext("/", exchange -> {
        byte[] body = charts.served.get(exchange.getRequestURI().getPath());
        exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
        if (body != null) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
        exchange.close();
      });
      server.start();
      return charts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Packages chart {@code name} at {@code version} from {@code files} (path in the chart → text;
   * {@code Chart.yaml} is written here) and serves it.
   */
  synchronized void add(String name, String version, Map<String, String> files) {
    try {
      Path chart = work.resolve("charts-src").resolve(name + "-" + version).resolve(name);
      Files.createDirectories(chart);
      Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: " + version + "\n");
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = chart.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
      Path packages = Files.createDirectories(work.resolve("charts-packaged"));
      new Helm(chart).packageIt().withDestination(packages).call();
      String archive = name + "-" + version + ".tgz";
      served.put("/charts/" + archive, Files.readAllBytes(packages.resolve(archive)));
      versions.put(name, version);
      served.put("/charts/index.yaml", index().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String index() {
    StringBuilder index = new StringBuilder("apiVersion: v1\nentries:\n");
    versions.forEach((name, version) -> index.append("  ").append(name).append(":\n")
        .append("  - name: ").append(name).append("\n    version: ").append(version)
        .append("\n    urls: [").append(name).append('-').append(version).append(".tgz]\n"));
    return index.toString();
  }

  /** The repository's address, as a {@code chart} entry names it. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/charts";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
