package dev.clusterc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small cluster sources for the tests, and a way to write them. */
final class Sources {
  /** A clean one-node cluster. */
  static final String CLEAN = String.join("\n",
      "cluster pi {",
      "  domain \"home.arpa\"",
      "  network { nodes 192.168.1.0/24; router 192.168.1.1 }",
      "}",
      "",
      "node pi0 { role control-plane; address 192.168.1.10 }",
      "",
      "volume uptime-data { size 1Gi; backup none }",
      "",
      "app uptime-kuma {",
      "  image \"louislam/uptime-kuma:1.23.16\"",
      "  port  http 3001",
      "  mount uptime-data at \"/app/data\"",
      "}",
      "");

  /** One error: {@code lables} at 5:54 is not an entry of a node. */
  static final String UNKNOWN_PROPERTY = String.join("\n",
      "cluster lab {",
      "  domain \"lab.internal\"",
      "  network { nodes 192.168.1.0/24; router 192.168.1.1 }",
      "}",
      "node cp0 { role control-plane; address 192.168.1.10; lables { storage: \"ssd\" } }",
      "");

  /** Only a warning per the language brief: an image without a tag ({@code image-unpinned}). */
  static final String UNPINNED_IMAGE = String.join("\n",
      "cluster lab {",
      "  domain \"lab.internal\"",
      "  network { nodes 192.168.1.0/24; router 192.168.1.1 }",
      "}",
      "node cp0 { role control-plane; address 192.168.1.10 }",
      "app homepage {",
      "  image \"ghcr.io/gethomepage/homepage\"",
      "  port  http 3000",
      "}",
      "");

  private Sources() {}

  static Path write(Path file, String text) throws IOException {
    return write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  static Path write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, bytes);
  }
}
