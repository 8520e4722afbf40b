package dev.clusterc.lsp.feature;

import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.InlayFact;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.lsp.workspace.Ranges;
import dev.clusterc.lsp.workspace.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Inlay hints in the requested range, from the compiler's inlay facts: host names it derives
 * ({@code route: sonarr.tosih.org}), defaults a declaration does not write ({@code namespace: media},
 * {@code replicas: 1}) and each declaration's layer ({@code layer: storage}), at the end of the line
 * they are about. Only for the cluster's own documents.
 */
public final class InlayHints {
  private InlayHints() {}

  public static List<InlayHint> hints(Snapshot snapshot, InlayHintParams params, CancelChecker cancel) {
    String uri = params.getTextDocument().getUri();
    Optional<String> path = snapshot.path(uri);
    Optional<SourceFile> file = snapshot.document(uri);
    Optional<Analysis> analysis = snapshot.analysis();
    if (path.isEmpty() || file.isEmpty() || analysis.isEmpty() || !snapshot.inCluster()) {
      return List.of();
    }
    SourceSpan range = Ranges.span(file.get(), params.getRange());
    List<InlayHint> hints = new ArrayList<>();
    for (InlayFact fact : analysis.get().inlayFacts(path.get())) {
      cancel.checkCanceled();
      if (fact.at().start() < range.start() || fact.at().start() > range.end()) {
        continue;
      }
      InlayHint hint = new InlayHint(Ranges.position(fact.at().file(), fact.at().start()), Either.forLeft(fact.label()));
      hint.setPaddingLeft(true);
      hint.setTooltip(tooltip(fact.sort()));
      hints.add(hint);
    }
    return hints;
  }

  private static String tooltip(InlayFact.Sort sort) {
    return switch (sort) {
      case HOST -> "derived by clusterc from the cluster's domain or a template";
      case DEFAULT -> "not written here: the value clusterc uses";
      case LAYER -> "the layer of the dependency ladder this declaration sits on";
    };
  }
}
