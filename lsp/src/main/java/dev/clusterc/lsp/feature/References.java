package dev.clusterc.lsp.feature;

import dev.clusterc.compiler.api.Navigator;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.lsp.workspace.Ranges;
import dev.clusterc.lsp.workspace.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * "Find references": every place in the cluster's files and the standard library that names what
 * the name under the cursor names, with its declaration first when the editor asks for it. Works
 * from a reference, from the declaration's own name, and from a standard-library document.
 */
public final class References {
  private References() {}

  public static List<Location> references(Snapshot snapshot, ReferenceParams params, CancelChecker cancel) {
    Optional<Navigator> navigator = snapshot.navigator();
    Optional<String> path = snapshot.path(params.getTextDocument().getUri());
    if (navigator.isEmpty() || path.isEmpty()) {
      return List.of();
    }
    boolean declaration = params.getContext() != null && params.getContext().isIncludeDeclaration();
    List<SourceSpan> spans = navigator.get().references(path.get(), Ranges.compiler(params.getPosition()), declaration);
    List<Location> found = new ArrayList<>();
    for (SourceSpan span : spans) {
      cancel.checkCanceled();
      snapshot.location(span).ifPresent(found::add);
    }
    return found;
  }
}
