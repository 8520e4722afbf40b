package dev.clusterc.lsp.feature;

import dev.clusterc.lsp.workspace.Snapshot;
import java.util.List;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** PLACEHOLDER (issue 12, being built): FoldingRanges. */
public final class FoldingRanges {
  private FoldingRanges() {}

  public static List<FoldingRange> ranges(Snapshot snapshot, FoldingRangeRequestParams params, CancelChecker cancel) {
    return List.of();
  }
}
