package dev.clusterc.lsp.feature;

import dev.clusterc.lsp.workspace.Snapshot;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** PLACEHOLDER (issue 12, being built): Renames. */
public final class Renames {
  private Renames() {}

  /** The name at the position and its range, or {@code null} when nothing there can be renamed. */
  public static PrepareRenameResult prepare(Snapshot snapshot, PrepareRenameParams params, CancelChecker cancel) {
    return null;
  }

  public static WorkspaceEdit rename(Snapshot snapshot, RenameParams params, CancelChecker cancel) {
    return null;
  }
}
