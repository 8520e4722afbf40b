package dev.clusterc.lsp.feature;

import dev.clusterc.compiler.api.Navigator;
import dev.clusterc.compiler.api.Symbol;
import dev.clusterc.compiler.source.Position;
import dev.clusterc.lsp.workspace.Ranges;
import dev.clusterc.lsp.workspace.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * "Go to definition": from a name to the declaration, template or template parameter it names, in
 * another file of the cluster or in the standard library (whose read-only copy the editor then
 * opens); from an {@code import} to the files it imports. A word that names a capability
 * ({@code class cilium}) leads to every component that provides it.
 */
public final class Definitions {
  private Definitions() {}

  public static List<Location> definition(Snapshot snapshot, DefinitionParams params, CancelChecker cancel) {
    Optional<Navigator> navigator = snapshot.navigator();
    Optional<String> path = snapshot.path(params.getTextDocument().getUri());
    if (navigator.isEmpty() || path.isEmpty()) {
      return List.of();
    }
    Position at = Ranges.compiler(params.getPosition());
    List<Location> found = new ArrayList<>();
    for (Symbol symbol : navigator.get().definition(path.get(), at)) {
      snapshot.location(symbol.selection()).ifPresent(found::add);
    }
    cancel.checkCanceled();
    if (found.isEmpty()) {
      Range start = new Range(new org.eclipse.lsp4j.Position(0, 0), new org.eclipse.lsp4j.Position(0, 0));
      for (String imported : navigator.get().imported(path.get(), at)) {
        snapshot.uri(imported).ifPresent(uri -> found.add(new Location(uri, start)));
      }
    }
    return found;
  }
}
