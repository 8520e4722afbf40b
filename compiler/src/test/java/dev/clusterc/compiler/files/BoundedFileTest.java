package dev.clusterc.compiler.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a declaration may name as a file: only regular, bounded, UTF-8 text; anything else is refused without hanging. */
class BoundedFileTest {
  @Test
  void aRegularFileIsReadByteForByte(@TempDir Path dir) throws IOException {
    byte[] bytes = "apiVersion: v1\r\nkind: Secret # é\n".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("s.yaml"), bytes);
    BoundedFile.Read read = BoundedFile.read(file);
    assertArrayEquals(bytes, read.content().bytes());
    assertEquals("apiVersion: v1\r\nkind: Secret # é\n", read.content().text());
  }

  @Test
  void aSymbolicLinkIsFollowedToARegularFile(@TempDir Path dir) throws IOException {
    Path target = Files.writeString(dir.resolve("real.yaml"), "a: 1\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), target);
    assertEquals("a: 1\n", BoundedFile.read(link).content().text());
    Path broken = Files.createSymbolicLink(dir.resolve("broken.yaml"), dir.resolve("gone.yaml"));
    assertEquals("is a broken symbolic link", BoundedFile.read(broken).problem());
  }

  @Test
  void aDirectoryADeviceAndAFifoAreRefusedWithoutBeingOpened(@TempDir Path dir) throws Exception {
    assertEquals("is a directory, not a file", BoundedFile.read(dir).problem());
    assertEquals("is not a regular file (a device, FIFO or socket is never read)",
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> BoundedFile.read(Path.of("/dev/zero")).problem()));
    Path fifo = dir.resolve("pipe.yaml");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    assertEquals("is not a regular file (a device, FIFO or socket is never read)",
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> BoundedFile.read(fifo).problem()),
        "opening a FIFO for reading would block until a writer comes");
    Path linkToZero = Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
    assertEquals("is not a regular file (a device, FIFO or socket is never read)",
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> BoundedFile.read(linkToZero).problem()));
  }

  @Test
  void aFileOverOneMebibyteIsRefused(@TempDir Path dir) throws IOException {
    Path limit = Files.write(dir.resolve("limit.yaml"), "#".repeat(BoundedFile.MAX_BYTES).getBytes(StandardCharsets.UTF_8));
    assertTrue(BoundedFile.read(limit).ok());
    Path over = Files.write(dir.resolve("over.yaml"), "#".repeat(BoundedFile.MAX_BYTES + 1).getBytes(StandardCharsets.UTF_8));
    assertEquals("is larger than 1 MiB, the limit for a file a declaration names", BoundedFile.read(over).problem());
  }

  @Test
  void binaryAndNonUtf8FilesAreRefusedWithTheOffendingOffset(@TempDir Path dir) throws IOException {
    Path binary = Files.write(dir.resolve("bin.yaml"), new byte[] {'a', ':', ' ', 0, 1, 2});
    assertEquals("is a binary file, not YAML text (a NUL byte at byte offset 3)", BoundedFile.read(binary).problem());
    Path latin1 = Files.write(dir.resolve("latin1.yaml"), "a: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("is not UTF-8 text (an invalid byte near byte offset 6)", BoundedFile.read(latin1).problem());
  }

  @Test
  void aMissingFileSaysSo(@TempDir Path dir) {
    assertEquals("does not exist", BoundedFile.read(dir.resolve("nothing.yaml")).problem());
  }
}
