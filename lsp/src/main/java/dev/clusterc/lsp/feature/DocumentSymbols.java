package dev.clusterc.lsp.feature;

import dev.clusterc.lsp.workspace.Snapshot;
import java.util.List;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** PLACEHOLDER (issue 12, being built): DocumentSymbols. */
public final class DocumentSymbols {
  private DocumentSymbols() {}

  public static List<DocumentSymbol> symbols(Snapshot snapshot, DocumentSymbolParams params, CancelChecker cancel) {
    return List.of();
  }
}
