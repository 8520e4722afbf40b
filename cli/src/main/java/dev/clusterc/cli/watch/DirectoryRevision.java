package dev.clusterc.cli.watch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The revision of a directory's content: {@code sha256:} over the relative path and content of every
 * regular file under it, so that saving a file unchanged gives the same revision and any real edit a
 * new one.
 *
 * <p>Skipped: hidden directories (names starting with {@code .}, as {@code .git}), hidden files other
 * than {@code .cluster} ones (editors' swap files; the compiler reads every {@code .cluster} file) and
 * backup files ending in {@code ~}. A file larger than {@link #CONTENT_LIMIT}
 * counts by its size and modification time instead of its content. A file that vanishes while the
 * tree is read is left out (the change that removed it is seen as its own event).
 */
final class DirectoryRevision {
  /** Files above this size are not read; their size and modification time stand for their content. */
  static final long CONTENT_LIMIT = 8L * 1024 * 1024;

  private DirectoryRevision() {}

  /** The revision of {@code dir}'s content now. */
  static String of(Path dir) throws IOException {
    Map<String, Path> files = new TreeMap<>();
    collect(dir, "", files);
    MessageDigest total = sha256();
    for (Map.Entry<String, Path> file : files.entrySet()) {
      String digest;
      try {
        digest = fileDigest(file.getValue());
      } catch (NoSuchFileException gone) {
        continue;
      }
      total.update(file.getKey().getBytes(StandardCharsets.UTF_8));
      total.update((byte) 0);
      total.update(digest.getBytes(StandardCharsets.US_ASCII));
      total.update((byte) '\n');
    }
    return "sha256:" + HexFormat.of().formatHex(total.digest());
  }

  /** Whether a directory of this name takes no part in the revision (nor is watched). */
  static boolean skippedDirectory(String name) {
    return name.startsWith(".");
  }

  /** Whether a file of this name takes no part in the revision. */
  static boolean skippedFile(String name) {
    return (name.startsWith(".") && !name.endsWith(".cluster")) || name.endsWith("~");
  }

  private static void collect(Path dir, String prefix, Map<String, Path> files) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        String relative = prefix + name;
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          if (skippedDirectory(name)) {
            continue;
          }
          try {
            collect(entry, relative + "/", files);
          } catch (NoSuchFileException gone) {
            // removed while we read it
          }
        } else if (!skippedFile(name) && Files.isRegularFile(entry)) {
          files.put(relative, entry);
        }
      }
    }
  }

  private static String fileDigest(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (attributes.size() > CONTENT_LIMIT) {
      return "size:" + attributes.size() + ",mtime:" + attributes.lastModifiedTime().toMillis();
    }
    MessageDigest digest = sha256();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
