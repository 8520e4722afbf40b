package dev.clusterc.compiler.load;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a file from disk as source text, refusing what is not a `.cluster` source: anything but a
 * regular file (a FIFO would block and {@code /dev/zero} never ends), files over {@link #MAX_BYTES}
 * (never reading more than that), binary files, and text that is not UTF-8. A refusal is a diagnostic at the
 * offending byte, so the user sees the file, line and column.
 */
public final class SourceReader {
  public static final long MAX_BYTES = 8L * 1024 * 1024;

  /** A file's text, or the diagnostic that says why it was not read as source. */
  public record Read(SourceFile file, Optional<Diagnostic> problem) {}

  private SourceReader() {}

  public static Read read(Path path, String displayPath) throws IOException {
    if (!Files.isRegularFile(path)) {
      SourceFile empty = new SourceFile(displayPath, "");
      String what = Files.isDirectory(path) ? "a directory" : Files.exists(path) ? "not a regular file (a pipe, device or socket)" : "missing";
      return new Read(empty, Optional.of(Diagnostic.error(Code.SYNTAX, SourceSpan.at(empty, 0),
              "`" + displayPath + "` is " + what + ", so it is not read as a cluster source")
          .withHint("sources are regular files ending in .cluster")));
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes((int) MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      SourceFile empty = new SourceFile(displayPath, "");
      long size = Math.max(Files.size(path), bytes.length);
      return new Read(empty, Optional.of(Diagnostic.error(Code.SYNTAX, SourceSpan.at(empty, 0),
              String.format("file is too large to be a cluster source (%.1f MiB; the limit is %d MiB)", size / 1048576.0, MAX_BYTES / 1048576))
          .withHint("split the cluster over several files in one directory")));
    }
    return decode(bytes, displayPath);
  }

  /**
   * A file the operating system would not let us read (no permission, an I/O error), as an empty
   * file with an error at its start, worded without Java's class names.
   */
  public static Read failed(String displayPath, IOException e) {
    SourceFile empty = new SourceFile(displayPath, "");
    return new Read(empty, Optional.of(Diagnostic.error(Code.SYNTAX, SourceSpan.at(empty, 0),
            "cannot read `" + displayPath + "`: " + reason(e))
        .withHint("sources are readable regular files ending in .cluster")));
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : "I/O error";
  }

  /** Decodes bytes as UTF-8 source; a leading byte-order mark is dropped. */
  public static Read decode(byte[] bytes, String displayPath) {
    int nul = indexOfNul(bytes);
    String lenient = new String(bytes, StandardCharsets.UTF_8);
    if (lenient.startsWith("\uFEFF")) {
      lenient = lenient.substring(1);
    }
    if (nul >= 0) {
      SourceFile file = new SourceFile(displayPath, lenient.replace('\0', ' '));
      int offset = Math.min(new String(bytes, 0, nul, StandardCharsets.UTF_8).length(), file.text().length());
      return new Read(file, Optional.of(Diagnostic.error(Code.SYNTAX, SourceSpan.at(file, offset),
              "this looks like a binary file, not a cluster source (it contains a NUL byte)")
          .withHint("only text files ending in .cluster are read")));
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int badByte = in.position();
      String before = new String(bytes, 0, badByte, StandardCharsets.UTF_8);
      SourceFile file = new SourceFile(displayPath, lenient);
      int offset = Math.min(before.startsWith("\uFEFF") ? before.length() - 1 : before.length(), file.text().length());
      return new Read(file, Optional.of(Diagnostic.error(Code.SYNTAX,
              new SourceSpan(file, offset, Math.min(offset + 1, file.text().length())),
              String.format("invalid UTF-8: byte 0x%02X at byte offset %d", bytes[badByte] & 0xff, badByte))
          .withHint("save the file as UTF-8")));
    }
    try {
      decoder.reset();
      String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
      return new Read(new SourceFile(displayPath, text.startsWith("\uFEFF") ? text.substring(1) : text), Optional.empty());
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("decoded once already", e);
    }
  }

  private static int indexOfNul(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }
}
