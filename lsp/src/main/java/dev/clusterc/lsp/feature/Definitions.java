package dev.clusterc.lsp.feature;

import dev.clusterc.lsp.workspace.Snapshot;
import java.util.List;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** PLACEHOLDER (issue 12, being built): Definitions. */
public final class Definitions {
  private Definitions() {}

  public static List<Location> definition(Snapshot snapshot, DefinitionParams params, CancelChecker cancel) {
    return List.of();
  }
}
