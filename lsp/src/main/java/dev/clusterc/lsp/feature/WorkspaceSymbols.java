package dev.clusterc.lsp.feature;

import dev.clusterc.compiler.api.Navigator;
import dev.clusterc.compiler.api.OutlineItem;
import dev.clusterc.lsp.workspace.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * "Go to symbol in workspace": the declarations and templates of every cluster the server knows,
 * and the standard library's, whose names hold the query's letters in order (case aside:
 * {@code sc} finds {@code sonarr-config}). Closer matches come first (the query as a prefix, then
 * inside the name, then spread out; shorter names first), at most {@link #LIMIT} of them.
 */
public final class WorkspaceSymbols {
  /** Enough to find anything by typing on; an editor lists no more usefully. */
  static final int LIMIT = 500;

  private WorkspaceSymbols() {}

  public static List<WorkspaceSymbol> symbols(List<Snapshot> snapshots, WorkspaceSymbolParams params, CancelChecker cancel) {
    String query = params.getQuery() == null ? "" : params.getQuery().toLowerCase(Locale.ROOT).strip();
    List<Match> matches = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Snapshot snapshot : snapshots) {
      Optional<Navigator> navigator = snapshot.navigator();
      if (navigator.isEmpty()) {
        continue;
      }
      for (String path : navigator.get().documents()) {
        cancel.checkCanceled();
        Optional<String> uri = snapshot.uri(path);
        if (uri.isEmpty() || !seen.add(uri.get())) {
          continue;
        }
        for (OutlineItem item : navigator.get().outline(path)) {
          int rank = item.keyword().equals("use") || item.keyword().equals("import") || item.name().isEmpty() ? -1
              : rank(item.name().toLowerCase(Locale.ROOT), query);
          if (rank >= 0) {
            snapshot.location(item.selection()).ifPresent(location -> matches.add(new Match(rank, item, path, location)));
          }
        }
      }
    }
    return matches.stream()
        .sorted(Comparator.comparingInt(Match::rank).thenComparingInt(m -> m.item().name().length())
            .thenComparing(m -> m.item().name()).thenComparing(Match::path))
        .limit(LIMIT)
        .map(WorkspaceSymbols::symbol)
        .toList();
  }

  /** 0 when the name starts with the query, 1 when it holds it, 2 when it holds its letters in order; -1 otherwise. */
  static int rank(String name, String query) {
    if (name.startsWith(query)) {
      return 0;
    }
    if (name.contains(query)) {
      return 1;
    }
    int at = 0;
    for (int i = 0; i < name.length() && at < query.length(); i++) {
      if (name.charAt(i) == query.charAt(at)) {
        at++;
      }
    }
    return at == query.length() ? 2 : -1;
  }

  private static WorkspaceSymbol symbol(Match match) {
    WorkspaceSymbol symbol = new WorkspaceSymbol(match.item().name(), SymbolKinds.ofItem(match.item().keyword()),
        Either.forLeft(match.location()));
    symbol.setContainerName(match.item().keyword() + " in " + match.path());
    return symbol;
  }

  private record Match(int rank, OutlineItem item, String path, Location location) {}
}
