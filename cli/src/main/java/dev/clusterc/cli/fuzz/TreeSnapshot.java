package dev.clusterc.cli.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Every path under a root except one excluded subtree, with what it is: a regular file's size and
 * checksum, a link's target, a directory, or something else (a FIFO). Nothing is followed or opened
 * except regular files, so taking a snapshot never blocks on a FIFO or reads {@code /dev/zero}.
 */
record TreeSnapshot(Map<String, String> entries) {
  static TreeSnapshot of(Path root, Path excluded) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (dir.equals(excluded)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        entries.put(root.relativize(dir).toString(), "dir");
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        String what;
        if (attrs.isSymbolicLink()) {
          what = "link -> " + Files.readSymbolicLink(file);
        } else if (attrs.isRegularFile()) {
          what = "file " + attrs.size() + " " + checksum(file);
        } else {
          what = "other";
        }
        entries.put(root.relativize(file).toString(), what);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        entries.put(root.relativize(file).toString(), "unreadable " + e.getClass().getSimpleName());
        return FileVisitResult.CONTINUE;
      }
    });
    return new TreeSnapshot(entries);
  }

  private static long checksum(Path file) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[65536];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, n);
      }
    }
    return crc.getValue();
  }

  /** What changed from {@code before} to this: one line per created, deleted or modified path. */
  List<String> changesSince(TreeSnapshot before) {
    List<String> changes = new ArrayList<>();
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      String old = before.entries.get(entry.getKey());
      if (old == null) {
        changes.add("created " + entry.getKey() + " (" + entry.getValue() + ")");
      } else if (!Objects.equals(old, entry.getValue())) {
        changes.add("modified " + entry.getKey());
      }
    }
    for (String path : before.entries.keySet()) {
      if (!entries.containsKey(path)) {
        changes.add("deleted " + path);
      }
    }
    return changes;
  }
}
