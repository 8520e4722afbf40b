package dev.clusterc.lsp.feature;

import dev.clusterc.lsp.workspace.Snapshot;
import java.util.List;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** PLACEHOLDER (issue 12, being built): Completions. */
public final class Completions {
  private Completions() {}

  public static CompletionList complete(Snapshot snapshot, CompletionParams params, CancelChecker cancel) {
    return new CompletionList(List.of());
  }
}
