package dev.clusterc.compiler.format;

import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;

/**
 * The one edit turning a text into another that touches the fewest whole lines: the common
 * beginning and end are kept, and the replaced part starts and ends at line starts (or the end of
 * the text), so that an editor keeps the cursor, folds and marks on every line that does not change.
 */
public final class MinimalEdit {
  private MinimalEdit() {}

  /** The edit from {@code before} to {@code after}; an empty insertion at the start when they are equal. */
  public static TextEdit between(SourceFile before, String after) {
    String text = before.text();
    int limit = Math.min(text.length(), after.length());
    int prefix = 0;
    while (prefix < limit && text.charAt(prefix) == after.charAt(prefix)) {
      prefix++;
    }
    if (prefix == text.length() && prefix == after.length()) {
      return TextEdit.insert(before, 0, "");
    }
    prefix = text.lastIndexOf('\n', prefix - 1) + 1;
    int suffix = 0;
    while (suffix < limit - prefix && text.charAt(text.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
      suffix++;
    }
    while (suffix > 0 && text.charAt(text.length() - suffix - 1) != '\n') {
      suffix--;
    }
    return new TextEdit(new SourceSpan(before, prefix, text.length() - suffix), after.substring(prefix, after.length() - suffix));
  }
}
