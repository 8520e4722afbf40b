package dev.clusterc.lsp.feature;

import dev.clusterc.compiler.api.Navigator;
import dev.clusterc.compiler.api.OutlineItem;
import dev.clusterc.lsp.workspace.Ranges;
import dev.clusterc.lsp.workspace.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * The outline of a document, as a tree: its declarations, {@code use}s, imports and templates, with
 * the entries that open blocks of their own (a gateway's listeners, the cluster's network) inside
 * them. Made from the syntax, so a document with errors still has one; the detail is the kind.
 */
public final class DocumentSymbols {
  private DocumentSymbols() {}

  public static List<DocumentSymbol> symbols(Snapshot snapshot, DocumentSymbolParams params, CancelChecker cancel) {
    Optional<Navigator> navigator = snapshot.navigator();
    Optional<String> path = snapshot.path(params.getTextDocument().getUri());
    if (navigator.isEmpty() || path.isEmpty()) {
      return List.of();
    }
    List<DocumentSymbol> symbols = new ArrayList<>();
    for (OutlineItem item : navigator.get().outline(path.get())) {
      cancel.checkCanceled();
      symbols.add(symbol(item, true));
    }
    return symbols;
  }

  private static DocumentSymbol symbol(OutlineItem item, boolean topLevel) {
    String name = item.name().isEmpty() ? item.keyword() : item.name();
    DocumentSymbol symbol = new DocumentSymbol(name, topLevel ? SymbolKinds.ofItem(item.keyword()) : SymbolKinds.ofEntry(),
        Ranges.range(item.span()), Ranges.range(item.selection()), item.keyword());
    List<DocumentSymbol> children = new ArrayList<>();
    item.children().forEach(child -> children.add(symbol(child, false)));
    symbol.setChildren(children);
    return symbol;
  }
}
