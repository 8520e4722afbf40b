package dev.clusterc.lsp.feature;

import dev.clusterc.compiler.api.Documents;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.lsp.workspace.Ranges;
import dev.clusterc.lsp.workspace.Snapshot;
import java.util.List;
import org.eclipse.lsp4j.DocumentFormattingParams;
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

  /** The compiler's minimal edit ({@link Documents#minimalEdit}: whole lines at both ends) as an LSP edit. */
  static TextEdit minimalEdit(SourceFile before, String after) {
    dev.clusterc.compiler.diag.TextEdit edit = Documents.minimalEdit(before, after);
    return new TextEdit(Ranges.range(edit.span()), edit.newText());
  }
}
