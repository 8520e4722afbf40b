package dev.clusterc.lsp.feature;

import java.util.Map;
import org.eclipse.lsp4j.SymbolKind;

/**
 * The icon an editor shows for a declaration, by its kind keyword: the protocol's symbol kinds are
 * a programming language's, so each of ours takes the nearest in spirit (an app is a class of
 * running things, a template a function that makes declarations, a volume a file). An entry with
 * a block of its own (a listener, the network) is a property.
 */
final class SymbolKinds {
  private static final Map<String, SymbolKind> KINDS = Map.ofEntries(
      Map.entry("cluster", SymbolKind.Namespace),
      Map.entry("node", SymbolKind.Object),
      Map.entry("vip", SymbolKind.Constant),
      Map.entry("pool", SymbolKind.Array),
      Map.entry("gateway", SymbolKind.Interface),
      Map.entry("dns", SymbolKind.Interface),
      Map.entry("certificate", SymbolKind.Key),
      Map.entry("issuer", SymbolKind.Constructor),
      Map.entry("store", SymbolKind.Object),
      Map.entry("secret", SymbolKind.Key),
      Map.entry("backup", SymbolKind.Event),
      Map.entry("volume", SymbolKind.File),
      Map.entry("database", SymbolKind.Struct),
      Map.entry("app", SymbolKind.Class),
      Map.entry("component", SymbolKind.Module),
      Map.entry("use", SymbolKind.Module),
      Map.entry("import", SymbolKind.File),
      Map.entry("template", SymbolKind.Function),
      Map.entry("parameter", SymbolKind.TypeParameter));

  private SymbolKinds() {}

  /** The symbol kind of a top-level item's keyword; {@code Object} for a keyword the language does not know. */
  static SymbolKind ofItem(String keyword) {
    return KINDS.getOrDefault(keyword, SymbolKind.Object);
  }

  /** The symbol kind of an entry inside a declaration. */
  static SymbolKind ofEntry() {
    return SymbolKind.Property;
  }
}
