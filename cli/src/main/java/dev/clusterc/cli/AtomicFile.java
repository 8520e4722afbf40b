package dev.clusterc.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Replaces a file's content all at once: the new text goes to a temporary file in the same
 * directory, is flushed to disk, and is then renamed over the original. A crash leaves either the
 * old file or the new one, never half of one.
 */
final class AtomicFile {
  private AtomicFile() {}

  /**
   * Writes {@code content} to {@code file}, provided the file still holds {@code expected} (what
   * was read and formatted); otherwise someone edited it meanwhile and it is left alone.
   */
  static void replace(Path file, byte[] expected, byte[] content) throws IOException {
    Path target = file.toRealPath(); // through a symbolic link, so the link stays a link
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      copyPermissions(target, temp);
      if (!Arrays.equals(Files.readAllBytes(target), expected)) {
        throw new FileSystemException(file.toString(), null, "changed while being formatted; left as it is");
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** What writes a file's content, streamed into the temporary file. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes a new or replaced file all at once: the content goes to a temporary file of a fixed name
   * beside it ({@code .NAME.clusterc-tmp}, so a killed run's leftover is found and replaced by the
   * next one), is flushed to disk and renamed over the file. The new file is created with the
   * process's default mode, so the umask applies; a failed write is an {@link IOException}.
   */
  static void write(Path file, byte[] content) throws IOException {
    write(file, out -> out.write(content));
  }

  /** The same, with content streamed as it is made (a large flat stream is never one string in memory). */
  static void write(Path file, Content content) throws IOException {
    Path target = file.toAbsolutePath().normalize();
    Files.createDirectories(target.getParent());
    Path temp = temporary(target);
    Files.deleteIfExists(temp);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The fixed name {@link #write} stages {@code target} under. */
  static Path temporary(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".clusterc-tmp");
  }

  /** A temporary file is private (0600); the formatted file keeps the original's mode. */
  private static void copyPermissions(Path from, Path to) throws IOException {
    try {
      Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the platform's defaults apply
    }
  }
}
