package dev.clusterc.cli.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One fuzz input: a cluster directory as a map from relative path to what lies there, plus the names
 * of the mutations that made it from its seed. Mutable while the mutators work on it, then written
 * into a sandbox once. Non-regular files (FIFOs, symbolic links, directories) are part of the input
 * because a hostile path is as much an input as hostile text.
 */
final class FuzzInput {
  /** What one path of the input is. */
  sealed interface Node permits Regular, Fifo, Link, Dir {}

  /** A regular file with these bytes. */
  record Regular(byte[] bytes) implements Node {}

  /** A named pipe: a reader blocks until a writer comes, which never happens. */
  record Fifo() implements Node {}

  /**
   * A symbolic link. {@link #OUTSIDE} in the target stands for a file outside the workspace,
   * substituted when the input is written, so inputs do not depend on where they run.
   */
  record Link(String target) implements Node {}

  /** An empty directory where a file is expected. */
  record Dir() implements Node {}

  /** Stands for the absolute path of a directory outside the workspace but inside the job's guarded root. */
  static final String OUTSIDE = "@@OUTSIDE@@";

  final String seed;
  final long index;
  final TreeMap<String, Node> files = new TreeMap<>();
  final List<String> mutations = new ArrayList<>();

  FuzzInput(String seed, long index, Map<String, byte[]> files) {
    this.seed = seed;
    this.index = index;
    files.forEach((path, bytes) -> this.files.put(path, new Regular(bytes.clone())));
  }

  /** The {@code .cluster} files, the ones the text mutators work on. */
  List<String> clusterFiles() {
    List<String> names = new ArrayList<>();
    files.forEach((path, node) -> {
      if (path.endsWith(".cluster") && node instanceof Regular) {
        names.add(path);
      }
    });
    return names;
  }

  String text(String path) {
    return files.get(path) instanceof Regular regular ? new String(regular.bytes(), StandardCharsets.UTF_8) : "";
  }

  void put(String path, String text) {
    files.put(path, new Regular(text.getBytes(StandardCharsets.UTF_8)));
  }

  void put(String path, byte[] bytes) {
    files.put(path, new Regular(bytes));
  }

  /** Total bytes of the regular files: the mutators keep inputs from growing without bound. */
  long size() {
    long total = 0;
    for (Node node : files.values()) {
      if (node instanceof Regular regular) {
        total += regular.bytes().length;
      }
    }
    return total;
  }

  /** One line naming the input: seed, index and mutations. */
  String describe() {
    return seed + " #" + index + ": " + String.join(", ", mutations);
  }
}
