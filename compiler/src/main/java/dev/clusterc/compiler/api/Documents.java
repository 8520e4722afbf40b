package dev.clusterc.compiler.api;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Fix;
import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.format.FormattedEdit;
import dev.clusterc.compiler.format.Formatter;
import dev.clusterc.compiler.format.MinimalEdit;
import dev.clusterc.compiler.load.SourceReader;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.syntax.Parser;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One {@code .cluster} document on its own, outside any cluster: read or decode it with the
 * compiler's refusals (too large, binary, not UTF-8), and format it. What {@code fmt} and an
 * editor's "format document" need, and {@code check -} before it overlays standard input.
 */
public final class Documents {
  /** The largest source the compiler reads; larger files are refused with a diagnostic. */
  public static final long MAX_BYTES = SourceReader.MAX_BYTES;

  private Documents() {}

  /**
   * A document's text, or the diagnostic that says why it is not a source.
   *
   * @param problem present when the bytes are not a source; {@code file} then holds what could be decoded
   */
  public record Read(SourceFile file, Optional<Diagnostic> problem) {}

  /**
   * The text of a formatted document, or the syntax errors that keep it from being formatted
   * (a document with errors is never reformatted, so no text is lost).
   */
  public record Formatted(Optional<String> text, List<Diagnostic> diagnostics) {
    public Formatted {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Reads a file as a source, refusing what is not a regular file, too large, binary or not UTF-8. */
  public static Read read(Path file, String displayPath) throws IOException {
    SourceReader.Read read = SourceReader.read(file, displayPath);
    return new Read(read.file(), read.problem());
  }

  /** Decodes bytes as UTF-8 source (a leading byte-order mark dropped), refusing binary and malformed text. */
  public static Read decode(byte[] bytes, String displayPath) {
    SourceReader.Read read = SourceReader.decode(bytes, displayPath);
    return new Read(read.file(), read.problem());
  }

  /** Formats a document in the canonical layout, unless it has syntax errors. */
  public static Formatted format(SourceFile file) {
    SourceUnit unit = Parser.parse(file);
    if (unit.hasErrors()) {
      return new Formatted(Optional.empty(), unit.diagnostics());
    }
    return new Formatted(Optional.of(Formatter.format(unit)), List.of());
  }

  /** Decodes and formats: a refusal or syntax errors come back as diagnostics, without text. */
  public static Formatted format(Read read) {
    return read.problem().isPresent() ? new Formatted(Optional.empty(), List.of(read.problem().get())) : format(read.file());
  }

  /**
   * The classified tokens of a document on its own, from its syntax and the schema: as
   * {@link Navigator#tokens}, except that references are not resolved, so a word is a reference only
   * where the entry's signature expects one (and never marked as the standard library's).
   */
  public static List<DocumentToken> tokens(SourceFile file) {
    return DocumentTokens.of(Parser.parse(file), null);
  }

  /**
   * {@code fix} with its edits laid out as {@code fmt} would leave each file it touches: in a file
   * that is formatted already, one edit of whole lines whose result is formatted (re-aligning the
   * entries a new one lines up with); in any other file, the edits as they are. For an editor,
   * which applies a fix to a file the user keeps formatted; the diagnostics carry the plain edits.
   * {@link Analysis#laidOut(Fix)} does the same and checks each file's layout once per analysis.
   */
  public static Fix laidOut(Fix fix) {
    return laidOut(fix, FormattedEdit::isFormatted);
  }

  static Fix laidOut(Fix fix, Predicate<SourceFile> formatted) {
    Map<SourceFile, List<TextEdit>> byFile = new LinkedHashMap<>();
    fix.edits().forEach(edit -> byFile.computeIfAbsent(edit.span().file(), f -> new ArrayList<>()).add(edit));
    List<TextEdit> edits = new ArrayList<>();
    byFile.forEach((file, inFile) -> edits.addAll(FormattedEdit.of(file, inFile, formatted)));
    return fix.withEdits(edits);
  }

  /**
   * The one edit turning {@code before} into {@code after} over the fewest whole lines: it starts
   * and ends at a line start (or the end of the text), so an editor keeps what is on the lines
   * around it. An empty insertion at the start when the texts are equal.
   */
  public static TextEdit minimalEdit(SourceFile before, String after) {
    return MinimalEdit.between(before, after);
  }
}
