package dev.clusterc.lsp;

import dev.clusterc.lsp.feature.CodeActions;
import dev.clusterc.lsp.feature.Completions;
import dev.clusterc.lsp.feature.Definitions;
import dev.clusterc.lsp.feature.DocumentSymbols;
import dev.clusterc.lsp.feature.FoldingRanges;
import dev.clusterc.lsp.feature.Formatting;
import dev.clusterc.lsp.feature.Highlighting;
import dev.clusterc.lsp.feature.Hovers;
import dev.clusterc.lsp.feature.InlayHints;
import dev.clusterc.lsp.feature.References;
import dev.clusterc.lsp.feature.Renames;
import dev.clusterc.lsp.workspace.ServerLog;
import dev.clusterc.lsp.workspace.Session;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The document half of the protocol: edits go to the {@link Session} (which analyses and
 * publishes diagnostics on its own thread), each request to the one feature class that answers it.
 * Nothing here knows the language.
 */
final class DocumentRequests implements TextDocumentService {
  private final Session session;
  private final Requests requests;
  private final ServerLog log;
  private volatile boolean snippets;

  DocumentRequests(Session session, Requests requests, ServerLog log) {
    this.session = session;
    this.requests = requests;
    this.log = log;
  }

  /** Whether the editor takes snippets in completion items, as it said at {@code initialize}. */
  void clientTakesSnippets(boolean takes) {
    this.snippets = takes;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var document = params.getTextDocument();
    guarded("didOpen", () -> session.opened(document.getUri(), document.getText(), document.getVersion()));
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    var document = params.getTextDocument();
    guarded("didChange", () -> session.changed(document.getUri(), params.getContentChanges(), document.getVersion()));
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    guarded("didClose", () -> session.closed(params.getTextDocument().getUri()));
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    guarded("didSave", () -> session.fileChanged(params.getTextDocument().getUri()));
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    return requests.about("completion", () -> params.getTextDocument().getUri(), Either.forRight(new CompletionList(List.of())),
        (snapshot, cancel) -> Either.forRight(Completions.complete(snapshot, params, snippets, cancel)));
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return requests.about("hover", () -> params.getTextDocument().getUri(), null, (snapshot, cancel) -> Hovers.hover(snapshot, params, cancel));
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
    return requests.about("definition", () -> params.getTextDocument().getUri(), Either.forLeft(List.of()),
        (snapshot, cancel) -> Either.forLeft(Definitions.definition(snapshot, params, cancel)));
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    return requests.about("references", () -> params.getTextDocument().getUri(), List.of(),
        (snapshot, cancel) -> References.references(snapshot, params, cancel));
  }

  @Override
  public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(PrepareRenameParams params) {
    return requests.about("prepareRename", () -> params.getTextDocument().getUri(), null, (snapshot, cancel) -> {
      PrepareRenameResult result = Renames.prepare(snapshot, params, cancel);
      return result == null ? null : Either3.forSecond(result);
    });
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    return requests.about("rename", () -> params.getTextDocument().getUri(), null, (snapshot, cancel) -> Renames.rename(snapshot, session, params, cancel));
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
    return requests.about("documentSymbol", () -> params.getTextDocument().getUri(), List.of(),
        (snapshot, cancel) -> DocumentSymbols.symbols(snapshot, params, cancel).stream()
            .map(Either::<SymbolInformation, DocumentSymbol>forRight).toList());
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
    return requests.about("formatting", () -> params.getTextDocument().getUri(), List.of(),
        (snapshot, cancel) -> Formatting.format(snapshot, params, cancel));
  }

  @Override
  public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
    return requests.about("foldingRange", () -> params.getTextDocument().getUri(), List.of(),
        (snapshot, cancel) -> FoldingRanges.ranges(snapshot, params, cancel));
  }

  @Override
  public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
    return requests.about("semanticTokens", () -> params.getTextDocument().getUri(), new SemanticTokens(List.of()),
        (snapshot, cancel) -> Highlighting.tokens(snapshot, params, cancel));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    return requests.about("codeAction", () -> params.getTextDocument().getUri(), List.of(),
        (snapshot, cancel) -> CodeActions.actions(snapshot, params, cancel).stream().map(Either::<Command, CodeAction>forRight).toList());
  }

  @Override
  public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
    return requests.about("inlayHint", () -> params.getTextDocument().getUri(), List.of(),
        (snapshot, cancel) -> InlayHints.hints(snapshot, params, cancel));
  }

  /** A notification that fails is logged and dropped: the reader thread must go on. */
  private void guarded(String name, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
      log.crash(name + " failed", e);
    }
  }
}
