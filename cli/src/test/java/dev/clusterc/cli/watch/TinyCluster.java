package dev.clusterc.cli.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small cluster sources for the end-to-end tests of {@code apply --watch}: one node and a few plain
 * apps (a Namespace, a Deployment and a Service each), which roll out at once on kwok.
 */
final class TinyCluster {
  private TinyCluster() {}

  /** Cluster {@code name} with {@code apps} (from {@link #app}) and any further declarations. */
  static String of(String name, String... apps) {
    return """
        cluster %s {
          domain "home.arpa"
          network { nodes 10.20.0.0/24; router 10.20.0.1 }
        }

        node cp { role control-plane; address 10.20.0.2 }

        """.formatted(name) + String.join("\n", apps);
  }

  /** An app with {@code replicas} and an env value {@code COLOR}; {@code more} are further entries. */
  static String app(String name, int replicas, String color, String... more) {
    StringBuilder text = new StringBuilder("app " + name + " {\n")
        .append("  image    \"nginx:1.27.3\"\n")
        .append("  port     http 8080\n")
        .append("  replicas ").append(replicas).append('\n')
        .append("  env      { COLOR: \"").append(color).append("\" }\n");
    for (String entry : more) {
      text.append("  ").append(entry).append('\n');
    }
    return text.append("}\n").toString();
  }

  /** Writes {@code text} as {@code dir/cluster.cluster}; {@code dir}. */
  static Path write(Path dir, String text) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("cluster.cluster"), text);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
