package dev.clusterc.lsp.feature;

import dev.clusterc.lsp.workspace.Snapshot;
import java.util.List;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** PLACEHOLDER (issue 12, being built): Highlighting. */
public final class Highlighting {
  /** The token types and modifiers the tokens are indices into. */
  public static final SemanticTokensLegend LEGEND = new SemanticTokensLegend(List.of(), List.of());

  private Highlighting() {}

  public static SemanticTokens tokens(Snapshot snapshot, SemanticTokensParams params, CancelChecker cancel) {
    return new SemanticTokens(List.of());
  }
}
