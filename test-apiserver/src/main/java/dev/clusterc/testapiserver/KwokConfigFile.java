package dev.clusterc.testapiserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * kwok's {@code --config} file: a {@code KwokConfiguration}, then the Stage documents. A
 * configuration given this way is not defaulted, so the parallelism settings must be set here (a
 * zero means no worker at all), and the node lease duration too (zero turns leases off, and the
 * heartbeat-with-lease stage expects them).
 */
final class KwokConfigFile {

  private static final String CONFIGURATION = """
      apiVersion: config.kwok.x-k8s.io/v1alpha1
      kind: KwokConfiguration
      metadata:
        name: clusterc-test
      options:
        nodeLeaseDurationSeconds: 40
        nodeLeaseParallelism: 4
        podPlayStageParallelism: 4
        nodePlayStageParallelism: 4
        podsOnNodeSyncParallelism: 1
      """;

  private KwokConfigFile() {}

  static Path write(Path file, List<Path> stages) {
    try {
      List<String> documents = new ArrayList<>();
      documents.add(CONFIGURATION);
      for (Path stage : stages) {
        documents.add(Files.readString(stage, StandardCharsets.UTF_8));
      }
      Files.writeString(file, String.join("\n---\n", documents), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
