package dev.clusterc.lsp;

import dev.clusterc.lsp.feature.WorkspaceSymbols;
import dev.clusterc.lsp.workspace.ServerLog;
import dev.clusterc.lsp.workspace.Session;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The workspace half of the protocol: files changed on disk, and symbols across every known cluster. */
final class WorkspaceRequests implements WorkspaceService {
  private final Session session;
  private final Requests requests;
  private final ServerLog log;

  WorkspaceRequests(Session session, Requests requests, ServerLog log) {
    this.session = session;
    this.requests = requests;
    this.log = log;
  }

  @Override
  public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
      WorkspaceSymbolParams params) {
    return requests.run("workspace/symbol", Either.forRight(List.of()),
        cancel -> Either.forRight(WorkspaceSymbols.symbols(session.snapshots(), params, cancel)));
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    // No settings are read yet: the server has none.
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    for (FileEvent event : params.getChanges()) {
      try {
        session.fileChanged(event.getUri());
      } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
        log.crash("didChangeWatchedFiles failed", e);
      }
    }
  }
}
