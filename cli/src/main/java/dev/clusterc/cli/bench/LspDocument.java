package dev.clusterc.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * A document the bench has open in the server, edited the way an editor sends keystrokes: each edit
 * is one incremental change (a range and its new text) with the next version, and the bench keeps its
 * own copy of the text so that positions stay right.
 */
final class LspDocument {
  private final LspServerProcess server;
  private final String uri;
  private final StringBuilder text;
  private int version = 1;

  private LspDocument(LspServerProcess server, String uri, String text) {
    this.server = server;
    this.uri = uri;
    this.text = new StringBuilder(text);
  }

  /** Opens {@code file} with its text on disk. */
  static LspDocument open(LspServerProcess server, Path file) throws IOException {
    String text = Files.readString(file);
    String uri = file.toAbsolutePath().normalize().toUri().toString();
    server.open(uri, text);
    return new LspDocument(server, uri, text);
  }

  String uri() {
    return uri;
  }

  String text() {
    return text.toString();
  }

  int length() {
    return text.length();
  }

  /** Where {@code needle} first occurs at or after {@code from}; fails when it does not. */
  int find(String needle, int from) {
    int at = text.indexOf(needle, from);
    if (at < 0) {
      throw new IllegalStateException("the generated document " + uri + " has no " + needle);
    }
    return at;
  }

  /** Types {@code inserted} at {@code offset} as one change (an editor sends one per keystroke). */
  void insert(int offset, String inserted) {
    Position at = position(offset);
    text.insert(offset, inserted);
    server.change(uri, ++version, new TextDocumentContentChangeEvent(new Range(at, at), inserted));
  }

  /** Deletes {@code length} characters at {@code offset} as one change (a backspace is one). */
  void delete(int offset, int length) {
    Range range = new Range(position(offset), position(offset + length));
    text.delete(offset, offset + length);
    server.change(uri, ++version, new TextDocumentContentChangeEvent(range, ""));
  }

  /** The protocol's position (0-based line, UTF-16 column) of an offset in the text. */
  Position position(int offset) {
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(line, offset - lineStart);
  }
}
