package dev.clusterc.cli.fuzz;

import dev.clusterc.cli.bench.ClusterGenerator;
import dev.clusterc.compiler.api.ClusterCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The seeds the fuzzer mutates: every example cluster (its {@code .cluster} files, secrets and
 * {@code manifests} files, not its expected output), each standard-library file as a user file of a
 * small cluster, and clusters written by the benchmark's {@link ClusterGenerator}.
 */
final class Corpus {
  /** One seed: a name and a cluster directory's files by relative path. */
  record Seed(String name, Map<String, byte[]> files) {}

  /** Enough of a cluster that a standard-library file dropped beside it is checked and compiled. */
  private static final String HEADER = """
      cluster fz {
        domain  "fz.test"
        network { nodes 10.0.0.0/16; router 10.0.0.1 }
      }
      node cp0 { role control-plane; address 10.0.0.2 }
      node w0  { role worker; address 10.0.0.3 }
      """;

  final List<Seed> seeds;

  private Corpus(List<Seed> seeds) {
    this.seeds = List.copyOf(seeds);
  }

  /** @param examples the project's {@code examples/} directory, or null to leave the examples out */
  static Corpus load(Path examples) throws IOException {
    List<Seed> seeds = new ArrayList<>();
    if (examples != null) {
      try (Stream<Path> dirs = Files.list(examples)) {
        for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
          Map<String, byte[]> files = read(dir);
          if (files.keySet().stream().anyMatch(f -> f.endsWith(".cluster"))) {
            seeds.add(new Seed("examples/" + dir.getFileName(), files));
          }
        }
      }
    }
    ClusterCompiler.standardLibrary().forEach((name, text) -> {
      Map<String, byte[]> files = new TreeMap<>();
      files.put("cluster.cluster", HEADER.getBytes(StandardCharsets.UTF_8));
      files.put("std.cluster", text.getBytes(StandardCharsets.UTF_8));
      seeds.add(new Seed("stdlib/" + name, files));
    });
    Path generated = Files.createTempDirectory("clusterc-fuzz-corpus");
    try {
      int[][] shapes = {{1, 1}, {3, 2}, {8, 3}, {20, 4}};
      for (int[] shape : shapes) {
        Path dir = generated.resolve("g" + shape[0]);
        ClusterGenerator.write(dir, shape[0], shape[1]);
        seeds.add(new Seed("generated/" + shape[0] + "-apps", read(dir)));
      }
    } finally {
      Sandbox.deleteTree(generated);
    }
    if (seeds.isEmpty()) {
      throw new IllegalStateException("no seeds");
    }
    return new Corpus(seeds);
  }

  /** Every {@code .cluster} text of the seeds: the token material of {@link TokenMutator}. */
  List<String> clusterTexts() {
    List<String> texts = new ArrayList<>();
    for (Seed seed : seeds) {
      seed.files().forEach((path, bytes) -> {
        if (path.endsWith(".cluster")) {
          texts.add(new String(bytes, StandardCharsets.UTF_8));
        }
      });
    }
    return texts;
  }

  /** A cluster directory's source files; expected output is not an input. */
  private static Map<String, byte[]> read(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
        String relative = dir.relativize(file).toString().replace('\\', '/');
        if (relative.startsWith("expected") || relative.endsWith(".md")) {
          continue;
        }
        files.put(relative, Files.readAllBytes(file));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return files;
  }

  /**
   * The project's {@code examples/} directory: from {@code clusterc.repo}, else the nearest
   * parent of the working directory or of the running jar that has one; null when there is none.
   */
  static Path findExamples() {
    List<Path> starts = new ArrayList<>();
    String property = System.getProperty("clusterc.repo");
    if (property != null) {
      starts.add(Path.of(property));
    }
    starts.add(Path.of("").toAbsolutePath());
    try {
      starts.add(Path.of(Corpus.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (Exception e) {
      // no code source: the working directory must do
    }
    for (Path start : starts) {
      for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
        if (Files.isDirectory(dir.resolve("examples")) && Files.isDirectory(dir.resolve("grammar"))) {
          return dir.resolve("examples");
        }
      }
    }
    return null;
  }
}
