package dev.clusterc.compiler.charts;

import dev.clusterc.compiler.emit.core.ChartException;
import dev.clusterc.compiler.model.Component;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Chart archives on disk, fetched once per (repository, chart, version): a second compile of the
 * same cluster opens no connection. An archive is written to a temporary file beside its place,
 * checked (the digest the repository's index gives, and that it is a gzip stream at all), then
 * moved into place in one step, so a crash or a concurrent compile never leaves half an archive
 * where a later compile would trust it.
 *
 * <p>Where: the system property {@value #PROPERTY}, else the environment variable {@value #ENV},
 * else {@code $XDG_CACHE_HOME/clusterc/charts}, else {@code ~/.cache/clusterc/charts}. Under it,
 * one directory per repository (the first 16 hex digits of the SHA-256 of its address, with the
 * address in {@code repository.txt}) holding {@code CHART-VERSION.tgz}.
 */
public final class ChartCache {
  public static final String PROPERTY = "clusterc.charts.cache";
  public static final String ENV = "CLUSTERC_CHART_CACHE";

  private final Path root;
  private final ChartSource source;

  ChartCache(Path root, ChartSource source) {
    this.root = root;
    this.source = source;
  }

  /** The cache the environment names (see the class comment), fetching over HTTP(S). */
  public static ChartCache fromEnvironment() {
    return new ChartCache(directory(System.getProperties(), System.getenv()), new ChartSource());
  }

  /** The cache directory chosen from system properties and the environment. */
  static Path directory(Map<Object, Object> properties, Map<String, String> environment) {
    Object property = properties.get(PROPERTY);
    if (property instanceof String path && !path.isBlank()) {
      return Path.of(path);
    }
    String env = environment.get(ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = environment.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "clusterc", "charts");
    }
    return Path.of(String.valueOf(properties.get("user.home")), ".cache", "clusterc", "charts");
  }

  public Path root() {
    return root;
  }

  /** The chart's archive, fetched into the cache first unless it is there already. */
  public Path archive(Component.Chart chart) throws ChartException {
    Path directory = root.resolve(key(chart.repository()));
    Path archive = directory.resolve(chart.chart() + "-" + chart.version() + ".tgz");
    if (Files.isRegularFile(archive)) {
      return archive;
    }
    ChartSource.Fetched fetched = source.fetch(chart);
    byte[] bytes = fetched.bytes();
    if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
      throw new ChartException(ChartException.Stage.FETCH, fetched.from() + " is not a chart archive (not gzip)");
    }
    if (fetched.sha256() != null && !fetched.sha256().equalsIgnoreCase(sha256(bytes))) {
      throw new ChartException(ChartException.Stage.FETCH, fetched.from() + " does not match the digest in the repository's index");
    }
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("repository.txt"), chart.repository() + "\n", StandardCharsets.UTF_8);
      Path temporary = Files.createTempFile(directory, ".fetch-", ".tgz");
      try {
        Files.write(temporary, bytes);
        move(temporary, archive);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new ChartException(ChartException.Stage.FETCH, "cannot write the chart cache " + root + ": " + e.getMessage(), e);
    }
    return archive;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The directory name of a repository: the same address however many slashes end it. */
  static String key(String repository) {
    String address = repository;
    while (address.endsWith("/")) {
      address = address.substring(0, address.length() - 1);
    }
    return sha256(address.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
