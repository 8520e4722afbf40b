package dev.clusterc.compiler.format;

import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.syntax.Parser;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.List;
import java.util.function.Predicate;

/**
 * A fix's edits laid out as {@code clusterc fmt} would leave the file: in a file that is formatted
 * already, the inserted text and whatever it moves (the padding of the names or keywords it lines
 * up with) become one edit, of whole lines ({@link MinimalEdit}), whose result is the formatted
 * file (edits that leave it formatted by themselves stay as they are). A file that is not
 * formatted, or that the edits would leave unparseable, keeps the edits as they are: a fix never
 * reformats what the user did not touch.
 *
 * <p>Laying out parses and formats the file twice, so checkers emit plain edits and an editor lays
 * out only the fix it shows.
 */
public final class FormattedEdit {
  private FormattedEdit() {}

  /** Whether {@code file} parses without errors and is as {@code fmt} leaves it. */
  public static boolean isFormatted(SourceFile file) {
    SourceUnit unit = Parser.parse(file);
    return !unit.hasErrors() && Formatter.format(unit).equals(file.text());
  }

  /** The edits of {@code file} (they must all lie in it) as one edit that leaves it formatted, or as they are. */
  public static List<TextEdit> of(SourceFile file, List<TextEdit> edits) {
    return of(file, edits, FormattedEdit::isFormatted);
  }

  /**
   * As {@link #of(SourceFile, List)}, asking {@code formatted} whether the file is formatted (a
   * caller laying out many fixes of one analysis answers it once per file).
   */
  public static List<TextEdit> of(SourceFile file, List<TextEdit> edits, Predicate<SourceFile> formatted) {
    if (edits.isEmpty() || !formatted.test(file)) {
      return edits;
    }
    String applied = TextEdit.apply(file, edits);
    SourceUnit edited = Parser.parse(new SourceFile(file.path(), applied));
    if (edited.hasErrors()) {
      return edits;
    }
    String after = Formatter.format(edited);
    if (after.equals(applied)) {
      return edits;
    }
    return List.of(MinimalEdit.between(file, after));
  }
}
