package dev.clusterc.lsp.feature;

import dev.clusterc.lsp.workspace.Snapshot;
import java.util.List;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** PLACEHOLDER (issue 12, being built): CodeActions. */
public final class CodeActions {
  private CodeActions() {}

  public static List<CodeAction> actions(Snapshot snapshot, CodeActionParams params, CancelChecker cancel) {
    return List.of();
  }
}
