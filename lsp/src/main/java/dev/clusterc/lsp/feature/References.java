package dev.clusterc.lsp.feature;

import dev.clusterc.lsp.workspace.Snapshot;
import java.util.List;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** PLACEHOLDER (issue 12, being built): References. */
public final class References {
  private References() {}

  public static List<Location> references(Snapshot snapshot, ReferenceParams params, CancelChecker cancel) {
    return List.of();
  }
}
