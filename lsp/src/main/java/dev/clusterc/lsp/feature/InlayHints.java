package dev.clusterc.lsp.feature;

import dev.clusterc.lsp.workspace.Snapshot;
import java.util.List;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** PLACEHOLDER (issue 12, being built): InlayHints. */
public final class InlayHints {
  private InlayHints() {}

  public static List<InlayHint> hints(Snapshot snapshot, InlayHintParams params, CancelChecker cancel) {
    return List.of();
  }
}
