package dev.clusterc.lsp;

import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.lsp.feature.Completions;
import dev.clusterc.lsp.feature.Diagnostics;
import dev.clusterc.lsp.feature.Highlighting;
import dev.clusterc.lsp.workspace.ServerLog;
import dev.clusterc.lsp.workspace.Session;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The server as the protocol sees it: what it can do ({@link #initialize}), and its life (shutdown,
 * exit, and the end of the editor that started it). The work is in {@link DocumentRequests} and
 * {@link WorkspaceRequests}.
 */
public final class ClustercLanguageServer implements LanguageServer, LanguageClientAware {
  private final ServerLog log;
  private final Runnable stop;
  private volatile LanguageClient client;
  private volatile boolean shutdownRequested;
  private volatile boolean dynamicWatch;
  private final Session session;
  private final Requests requests;
  private final DocumentRequests documents;
  private final WorkspaceRequests workspace;

  /**
   * @param analyser how clusters are analysed: {@code ClusterCompiler::analyse}, or in tests one that fails on purpose
   * @param stop ends the connection (the {@code exit} notification, or the editor's process gone)
   */
  public ClustercLanguageServer(ServerLog log, Function<ClusterCompiler, Analysis> analyser, Runnable stop) {
    this.log = log;
    this.stop = stop;
    this.session = new Session(log, analyser, this::publish, Diagnostics::toLsp);
    this.requests = new Requests(session, log);
    this.documents = new DocumentRequests(session, requests, log);
    this.workspace = new WorkspaceRequests(session, requests, log);
  }

  @Override
  public void connect(LanguageClient languageClient) {
    this.client = languageClient;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (params.getProcessId() != null) {
      ProcessHandle.of(params.getProcessId().longValue()).ifPresent(editor -> editor.onExit().thenRun(() -> {
        log.info("the editor (process " + editor.pid() + ") is gone; stopping");
        stop.run();
      }));
    }
    this.dynamicWatch = params.getCapabilities() != null && params.getCapabilities().getWorkspace() != null
        && params.getCapabilities().getWorkspace().getDidChangeWatchedFiles() != null
        && Boolean.TRUE.equals(params.getCapabilities().getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());
    documents.clientTakesSnippets(takesSnippets(params));
    var workspaceEdit = params.getCapabilities() == null || params.getCapabilities().getWorkspace() == null ? null
        : params.getCapabilities().getWorkspace().getWorkspaceEdit();
    session.documentChanges(workspaceEdit != null && Boolean.TRUE.equals(workspaceEdit.getDocumentChanges()));
    session.changeAnnotations(workspaceEdit != null && workspaceEdit.getChangeAnnotationSupport() != null);
    return CompletableFuture.completedFuture(new InitializeResult(capabilities(), new ServerInfo("clusterc", version())));
  }

  @Override
  public void initialized(InitializedParams params) {
    if (dynamicWatch && client != null) {
      var watchers = new DidChangeWatchedFilesRegistrationOptions(List.of(new FileSystemWatcher(Either.forLeft("**/*.cluster"))));
      client.registerCapability(new RegistrationParams(List.of(
          new Registration("clusterc-watch-sources", "workspace/didChangeWatchedFiles", watchers))));
    }
  }

  /** What the server answers; a feature is listed once it answers. */
  static ServerCapabilities capabilities() {
    ServerCapabilities capabilities = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    sync.setSave(new SaveOptions(false));
    capabilities.setTextDocumentSync(sync);
    capabilities.setDocumentFormattingProvider(true);
    capabilities.setCompletionProvider(new CompletionOptions(false, Completions.TRIGGERS));
    capabilities.setSemanticTokensProvider(new SemanticTokensWithRegistrationOptions(Highlighting.LEGEND, true));
    capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    capabilities.setInlayHintProvider(true);
    capabilities.setDefinitionProvider(true);
    capabilities.setReferencesProvider(true);
    capabilities.setRenameProvider(new RenameOptions(true));
    capabilities.setDocumentSymbolProvider(true);
    capabilities.setWorkspaceSymbolProvider(true);
    capabilities.setHoverProvider(true);
    capabilities.setFoldingRangeProvider(true);
    return capabilities;
  }

  private static boolean takesSnippets(InitializeParams params) {
    var capabilities = params.getCapabilities();
    var text = capabilities == null ? null : capabilities.getTextDocument();
    var completion = text == null ? null : text.getCompletion();
    var item = completion == null ? null : completion.getCompletionItem();
    return item != null && Boolean.TRUE.equals(item.getSnippetSupport());
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdownRequested = true;
    requests.close();
    session.close();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    stop.run();
  }

  /** The exit status the protocol asks for: 0 after {@code shutdown}, 1 when the connection ended without it. */
  public int exitCode() {
    return shutdownRequested ? 0 : 1;
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }

  private void publish(String uri, List<org.eclipse.lsp4j.Diagnostic> diagnostics) {
    LanguageClient target = client;
    if (target != null) {
      target.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics));
    }
  }

  private static String version() {
    String version = ClustercLanguageServer.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
