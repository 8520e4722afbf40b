package dev.clusterc.compiler.format;

import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Parser;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.List;

/**
 * A fix's edit laid out as {@code clusterc fmt} would leave the file: in a file that is formatted
 * already, the inserted text and whatever it moves (the padding of the names or keywords it lines
 * up with) become one edit whose result is the formatted file. A file that is not formatted, or
 * that the edit would leave unparseable, keeps the edit as it is: a fix never reformats what the
 * user did not touch.
 */
public final class FormattedEdit {
  private FormattedEdit() {}

  /** {@code edit} (which must lie in {@code file}) widened to what formatting the edited file changes. */
  public static TextEdit of(SourceFile file, TextEdit edit) {
    String before = file.text();
    SourceUnit unit = Parser.parse(file);
    if (unit.hasErrors() || !Formatter.format(unit).equals(before)) {
      return edit;
    }
    SourceUnit edited = Parser.parse(new SourceFile(file.path(), TextEdit.apply(file, List.of(edit))));
    if (edited.hasErrors()) {
      return edit;
    }
    String after = Formatter.format(edited);
    int prefix = 0;
    int limit = Math.min(before.length(), after.length());
    while (prefix < limit && before.charAt(prefix) == after.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < limit - prefix && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
      suffix++;
    }
    return new TextEdit(new SourceSpan(file, prefix, before.length() - suffix), after.substring(prefix, after.length() - suffix));
  }
}
