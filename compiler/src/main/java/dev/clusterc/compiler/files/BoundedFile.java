package dev.clusterc.compiler.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a file that a declaration names (a {@code sops}, {@code sealed} or {@code manifests} path)
 * so that no path can hang, exhaust memory or slip binary bytes through: only a regular file is
 * opened, at most {@link #MAX_BYTES} are read, and the bytes must be UTF-8 text without a NUL.
 *
 * <p>Symbolic links are followed ({@link Files#isRegularFile} without {@code NOFOLLOW_LINKS}): a
 * secret shared between clusters is often a link, and what matters is what the link reaches. The
 * checks are on that target: a link to a FIFO, a device such as {@code /dev/zero} or a directory
 * is refused before it is opened. A file swapped for another between the check and the read is
 * still read through a stream that stops after {@code MAX_BYTES + 1} bytes, so the bound holds.
 */
public final class BoundedFile {
  /** The largest file read: 1 MiB, far above any secret or hand-written manifest. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** The bytes as read (secret files are copied byte for byte) and their text. */
  public record Content(byte[] bytes, String text) {}

  /** The content, or why there is none ({@code problem} completes "PATH …", e.g. "does not exist"). */
  public record Read(Content content, String problem) {
    public boolean ok() {
      return content != null;
    }
  }

  private BoundedFile() {}

  public static Read read(Path file) {
    if (!Files.exists(file)) {
      return failed(Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "is a broken symbolic link" : "does not exist");
    }
    if (Files.isDirectory(file)) {
      return failed("is a directory, not a file");
    }
    if (!Files.isRegularFile(file)) {
      return failed("is not a regular file (a device, FIFO or socket is never read)");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      return failed("does not exist");
    } catch (AccessDeniedException e) {
      return failed("cannot be read: permission denied");
    } catch (IOException e) {
      return failed("cannot be read: " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      return failed("is larger than " + MAX_BYTES / (1024 * 1024) + " MiB, the limit for a file a declaration names");
    }
    return decode(bytes);
  }

  /** Checks that {@code bytes} are UTF-8 text without NUL, as {@link #read} does for a file. */
  private static Read decode(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return failed("is a binary file, not YAML text (a NUL byte at byte offset " + i + ")");
      }
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
      return new Read(new Content(Arrays.copyOf(bytes, bytes.length), text), null);
    } catch (CharacterCodingException e) {
      return failed("is not UTF-8 text (an invalid byte near byte offset " + in.position() + ")");
    }
  }

  private static Read failed(String problem) {
    return new Read(null, problem);
  }
}
