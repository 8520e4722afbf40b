package dev.clusterc.lsp.workspace;

import dev.clusterc.compiler.api.Documents;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * A document the editor has open: its text as the editor has it (which wins over the file on
 * disk), its version, and, for a document too large or not text, why it is left out of analysis.
 * The editor's edits arrive as ranges; they are applied here, in order.
 */
public final class OpenDocument {
  /**
   * The largest document analysed while it is open, far below the compiler's limit for files: a
   * document is analysed again on every keystroke, and no cluster source is near this size.
   */
  public static final int MAX_CHARS = 1024 * 1024;

  private final String uri;
  private final Path file;
  private String text;
  private int version;
  private Diagnostic refusal;

  OpenDocument(String uri, Path file, String text, int version) {
    this.uri = uri;
    this.file = file;
    replace(text, version);
  }

  public String uri() {
    return uri;
  }

  /** The absolute path the document has (or would have) on disk. */
  public Path file() {
    return file;
  }

  public synchronized String text() {
    return text;
  }

  public synchronized int version() {
    return version;
  }

  /** The version of the document if its text is still {@code analysed}; empty when the editor has changed it since. */
  public synchronized Optional<Integer> versionOf(String analysed) {
    return text.equals(analysed) ? Optional.of(version) : Optional.empty();
  }

  /** Why this document is not analysed (too large, binary), as a diagnostic at its start; empty when it is. */
  public synchronized Optional<Diagnostic> refusal() {
    return Optional.ofNullable(refusal);
  }

  /** Applies the editor's changes in order: a change without a range replaces the whole text. */
  synchronized void apply(List<TextDocumentContentChangeEvent> changes, int newVersion) {
    String current = text;
    for (TextDocumentContentChangeEvent change : changes) {
      if (change.getRange() == null) {
        current = change.getText();
      } else {
        SourceFile before = new SourceFile(uri, current);
        SourceSpan span = Ranges.span(before, change.getRange());
        current = current.substring(0, span.start()) + change.getText() + current.substring(span.end());
      }
    }
    replace(current, newVersion);
  }

  synchronized void replace(String newText, int newVersion) {
    this.text = newText;
    this.version = newVersion;
    this.refusal = refusalOf(newText);
  }

  private Diagnostic refusalOf(String content) {
    String name = file.getFileName() == null ? uri : file.getFileName().toString();
    if (content.length() > MAX_CHARS) {
      SourceFile shown = new SourceFile(name, "");
      return Diagnostic.error(Code.SYNTAX, SourceSpan.at(shown, 0), String.format(
              "document is too large to analyse while open (%.1f MiB; the limit is %d MiB)",
              content.length() / 1048576.0, MAX_CHARS / 1048576))
          .withHint("a cluster source is a few hundred lines: split it into files, or close it to check the file on disk");
    }
    if (content.indexOf('\0') >= 0) {
      return Documents.decode(content.getBytes(StandardCharsets.UTF_8), name).problem()
          .orElse(Diagnostic.error(Code.SYNTAX, SourceSpan.at(new SourceFile(name, ""), 0), "document is binary, not a cluster source"));
    }
    return null;
  }
}
