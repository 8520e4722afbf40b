package dev.clusterc.compiler.format;

import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Parser;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.List;

/**
 * A fix's edits laid out as {@code clusterc fmt} would leave the file: in a file that is formatted
 * already, the inserted text and whatever it moves (the padding of the names or keywords it lines
 * up with) become one edit, of whole lines, whose result is the formatted file (edits that leave it
 * formatted by themselves stay as they are). A file that is not
 * formatted, or that the edits would leave unparseable, keeps the edits as they are: a fix never
 * reformats what the user did not touch.
 */
public final class FormattedEdit {
  private FormattedEdit() {}

  /** {@code edit} (which must lie in {@code file}) widened to what formatting the edited file changes. */
  public static TextEdit of(SourceFile file, TextEdit edit) {
    List<TextEdit> laidOut = of(file, List.of(edit));
    return laidOut.size() == 1 ? laidOut.get(0) : edit;
  }

  /** The edits of {@code file} (they must all lie in it) as one edit that leaves it formatted, or as they are. */
  public static List<TextEdit> of(SourceFile file, List<TextEdit> edits) {
    String before = file.text();
    SourceUnit unit = Parser.parse(file);
    if (edits.isEmpty() || unit.hasErrors() || !Formatter.format(unit).equals(before)) {
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
    int limit = Math.min(before.length(), after.length());
    int prefix = 0;
    while (prefix < limit && before.charAt(prefix) == after.charAt(prefix)) {
      prefix++;
    }
    prefix = before.lastIndexOf('\n', prefix - 1) + 1;
    int suffix = 0;
    while (suffix < limit - prefix && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
      suffix++;
    }
    while (suffix > 0 && before.length() - suffix > prefix && before.charAt(before.length() - suffix - 1) != '\n') {
      suffix--;
    }
    return List.of(new TextEdit(new SourceSpan(file, prefix, before.length() - suffix), after.substring(prefix, after.length() - suffix)));
  }
}
