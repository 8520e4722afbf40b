package dev.clusterc.compiler.layout;

import dev.clusterc.compiler.emit.core.FileNames;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The record of the files {@code compile} wrote into a tree ({@code .clusterc-owned}, one
 * {@code /}-separated path per line, sorted): the only files a later compile may replace or
 * delete. It is committed with the tree, so a fresh clone knows them too.
 */
final class OwnedFiles {
  static final String HEADER = "# Written by `clusterc compile`: the files below are its own, replaced or deleted by the next\n"
      + "# compile; every other file in this directory is left alone. Commit this file with the tree.\n";

  private OwnedFiles() {}

  /** The paths a record lists; none when there is no record. A line that is not a safe path makes the record unusable. */
  static SortedSet<String> read(Path record) throws IOException {
    SortedSet<String> owned = new TreeSet<>();
    if (!Files.exists(record, LinkOption.NOFOLLOW_LINKS)) {
      return owned;
    }
    if (!Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)) {
      throw new OutputRefusedException(record.toString(), "is not a regular file, so the files compile owns here are unknown",
          "clusterc keeps this name for its record of the files it wrote; move what is there away");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(record, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new OutputRefusedException(record.toString(), "is not UTF-8 text, so the files compile owns here are unknown",
          "restore the file from Git, or delete it: compile then owns nothing here and replaces no file it finds");
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String problem = FileNames.problem(line);
      if (problem != null) {
        throw new OutputRefusedException(record.toString(), "line " + (i + 1) + " is not a path inside the tree (" + problem + ")",
            "restore the file from Git, or delete it: compile then owns nothing here and replaces no file it finds");
      }
      owned.add(line);
    }
    return owned;
  }

  /** Writes a record all at once: a temporary file beside it, flushed to disk, renamed over it. */
  static void write(Path record, SortedSet<String> files) throws IOException {
    StringBuilder text = new StringBuilder(HEADER);
    files.forEach(f -> text.append(f).append('\n'));
    Path temp = record.resolveSibling(record.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    Files.move(temp, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Every regular file below {@code root}, as sorted {@code /}-separated relative paths. */
  static SortedSet<String> list(Path root) throws IOException {
    SortedSet<String> files = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .forEach(p -> files.add(relative(root, p)));
    }
    return files;
  }

  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
  }
}
