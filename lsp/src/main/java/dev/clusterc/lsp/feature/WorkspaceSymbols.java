package dev.clusterc.lsp.feature;

import dev.clusterc.lsp.workspace.Snapshot;
import java.util.List;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** PLACEHOLDER (issue 12, being built): WorkspaceSymbols. */
public final class WorkspaceSymbols {
  private WorkspaceSymbols() {}

  public static List<WorkspaceSymbol> symbols(List<Snapshot> snapshots, WorkspaceSymbolParams params, CancelChecker cancel) {
    return List.of();
  }
}
