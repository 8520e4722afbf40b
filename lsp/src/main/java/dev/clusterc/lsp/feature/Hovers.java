package dev.clusterc.lsp.feature;

import dev.clusterc.lsp.workspace.Snapshot;
import java.util.List;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** PLACEHOLDER (issue 12, being built): Hovers. */
public final class Hovers {
  private Hovers() {}

  public static Hover hover(Snapshot snapshot, HoverParams params, CancelChecker cancel) {
    return null;
  }
}
