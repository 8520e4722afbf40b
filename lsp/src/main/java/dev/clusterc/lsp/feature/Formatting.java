package dev.clusterc.lsp.feature;

import dev.clusterc.compiler.api.Documents;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.lsp.workspace.Ranges;
import dev.clusterc.lsp.workspace.Snapshot;
import java.util.List;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * "Format document": the layout of {@code clusterc fmt}, the same formatter. A document with syntax
 * errors is left as it is (the formatter would have to guess), and the edit covers only the lines
 * that change, so the editor keeps the cursor and folds elsewhere.
 */
public final class Formatting {
  private Formatting() {}

  public static List<TextEdit> format(Snapshot snapshot, DocumentFormattingParams params, CancelChecker cancel) {
    var document = snapshot.document(params.getTextDocument().getUri());
    if (document.isEmpty()) {
      return List.of();
    }
    SourceFile file = document.get();
    var formatted = Documents.format(file);
    cancel.checkCanceled();
    if (formatted.text().isEmpty() || formatted.text().get().equals(file.text())) {
      return List.of();
    }
    return List.of(minimalEdit(file, formatted.text().get()));
  }

  /** One edit replacing only the middle part where the two texts differ, widened to whole lines. */
  static TextEdit minimalEdit(SourceFile before, String after) {
    String text = before.text();
    int prefix = 0;
    int limit = Math.min(text.length(), after.length());
    while (prefix < limit && text.charAt(prefix) == after.charAt(prefix)) {
      prefix++;
    }
    prefix = text.lastIndexOf('\n', prefix - 1) + 1;
    int suffix = 0;
    while (suffix < limit - prefix && text.charAt(text.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
      suffix++;
    }
    int end = text.length() - suffix;
    int afterEnd = after.length() - suffix;
    Range range = new Range(Ranges.position(before, prefix), Ranges.position(before, end));
    return new TextEdit(range, after.substring(prefix, afterEnd));
  }
}
