package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.fail;

import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.lsp.workspace.ServerLog;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real protocol connection for tests: the server in this JVM, LSP4J's client launcher on the
 * other end of a pair of pipes, so every request and notification goes through JSON-RPC as an
 * editor's would. Documents are written with a {@code |} cursor marker ({@link Cursor}); published
 * diagnostics are collected per URI and awaited with a deadline.
 */
final class LspHarness implements AutoCloseable {
  static final Duration DEADLINE = Duration.ofSeconds(30);

  final LanguageServer server;
  final InitializeResult initialized;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  /** Every byte the server sent, as the editor read it: for asserting what went over the wire. */
  private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
  private final Client client = new Client();
  private final CompletableFuture<Integer> serving;
  private final PipedOutputStream toServer;
  private final Map<String, Integer> versions = new ConcurrentHashMap<>();

  private LspHarness(Function<ClusterCompiler, Analysis> analyser, ClientCapabilities capabilities) throws IOException {
    PipedInputStream serverIn = new PipedInputStream(1 << 20);
    toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 20);
    PipedOutputStream serverOut = new PipedOutputStream(clientIn);
    PrintStream err = new PrintStream(log, true, StandardCharsets.UTF_8);
    serving = CompletableFuture.supplyAsync(() -> LanguageServerMain.serve(serverIn, serverOut, err, analyser));
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, new Tap(clientIn, wire), toServer);
    launcher.startListening();
    server = launcher.getRemoteProxy();
    InitializeParams params = new InitializeParams();
    params.setCapabilities(capabilities);
    initialized = get(server.initialize(params));
    server.initialized(new InitializedParams());
  }

  /** The JSON-RPC text the server sent so far (headers and bodies), as the editor's reader read it. */
  String wire() {
    synchronized (wire) {
      return wire.toString(StandardCharsets.UTF_8);
    }
  }

  /** Copies what is read from a stream into a buffer. */
  private static final class Tap extends FilterInputStream {
    private final ByteArrayOutputStream copy;

    Tap(InputStream in, ByteArrayOutputStream copy) {
      super(in);
      this.copy = copy;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        synchronized (copy) {
          copy.write(b);
        }
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        synchronized (copy) {
          copy.write(buffer, offset, n);
        }
      }
      return n;
    }
  }

  /** A server analysing as {@code clusterc lsp} does. */
  static LspHarness start() throws IOException {
    return new LspHarness(ClusterCompiler::analyse, new ClientCapabilities());
  }

  /** A server analysing as {@code clusterc lsp} does, for an editor that says it can do {@code capabilities}. */
  static LspHarness start(ClientCapabilities capabilities) throws IOException {
    return new LspHarness(ClusterCompiler::analyse, capabilities);
  }

  /** A server analysing with {@code analyser} (to make analysis fail on purpose). */
  static LspHarness start(Function<ClusterCompiler, Analysis> analyser) throws IOException {
    return new LspHarness(analyser, new ClientCapabilities());
  }

  /** A diagnostic's message as text (the protocol allows plain or markup). */
  static String message(org.eclipse.lsp4j.Diagnostic diagnostic) {
    var message = diagnostic.getMessage();
    return message.isLeft() ? message.getLeft() : message.getRight().getValue();
  }

  static String uri(Path file) {
    return file.toAbsolutePath().normalize().toUri().toString();
  }

  /** Opens a file with its text on disk. */
  String open(Path file) throws IOException {
    return open(file, Files.readString(file));
  }

  /** Opens a document with {@code text} (which need not be on disk). */
  String open(Path file, String text) {
    return open(uri(file), text);
  }

  /** Opens a document by the URI an editor gives it (which may escape characters Java leaves alone). */
  String open(String uri, String text) {
    versions.put(uri, 1);
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "cluster", 1, text)));
    return uri;
  }

  /** Replaces the whole text of an open document. */
  void change(String uri, String text) {
    int version = versions.merge(uri, 1, Integer::sum);
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
  }

  /** Applies one ranged change to an open document, as an editor sends a keystroke. */
  void edit(String uri, org.eclipse.lsp4j.Range range, String text) {
    int version = versions.merge(uri, 1, Integer::sum);
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(range, text))));
  }

  /** Tells the server the document was saved (the file on disk changed). */
  void save(String uri) {
    server.getTextDocumentService().didSave(new org.eclipse.lsp4j.DidSaveTextDocumentParams(new TextDocumentIdentifier(uri)));
  }

  void close(String uri) {
    server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
  }

  /** The diagnostics last published for {@code uri}, once they satisfy {@code until} (fails after the deadline). */
  List<org.eclipse.lsp4j.Diagnostic> diagnostics(String uri, Predicate<List<org.eclipse.lsp4j.Diagnostic>> until) {
    long end = System.nanoTime() + DEADLINE.toNanos();
    synchronized (client) {
      while (true) {
        List<org.eclipse.lsp4j.Diagnostic> last = client.published.get(uri);
        if (last != null && until.test(last)) {
          return last;
        }
        long left = end - System.nanoTime();
        if (left <= 0) {
          fail("no diagnostics as expected for " + uri + " within " + DEADLINE + "; last published: " + last
              + "\nserver log:\n" + log.toString(StandardCharsets.UTF_8));
        }
        try {
          client.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          fail("interrupted");
        }
      }
    }
  }

  /** Every publication so far for {@code uri}, oldest first. */
  List<List<org.eclipse.lsp4j.Diagnostic>> publications(String uri) {
    synchronized (client) {
      return List.copyOf(client.history.getOrDefault(uri, List.of()));
    }
  }

  static <T> T get(CompletableFuture<T> future) {
    try {
      return future.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("request failed: " + e, e);
    }
  }

  String serverLog() {
    return log.toString(StandardCharsets.UTF_8);
  }

  /** Shuts the server down as an editor does; returns its exit status. */
  int shutdown() {
    get(server.shutdown());
    server.exit();
    return get(serving);
  }

  @Override
  public void close() throws IOException {
    if (!serving.isDone()) {
      try {
        shutdown();
      } catch (AssertionError e) {
        toServer.close();
      }
    }
  }

  /** A text with one {@code |} marking the cursor: the text without it, and the cursor's position. */
  record Cursor(String text, Position position) {
    static Cursor of(String marked) {
      int at = marked.indexOf('|');
      if (at < 0 || marked.indexOf('|', at + 1) >= 0) {
        throw new IllegalArgumentException("a cursor text needs exactly one |");
      }
      String before = marked.substring(0, at);
      int line = (int) before.chars().filter(c -> c == '\n').count();
      int character = at - (before.lastIndexOf('\n') + 1);
      return new Cursor(before + marked.substring(at + 1), new Position(line, character));
    }
  }

  private static final class Client implements LanguageClient {
    final Map<String, List<org.eclipse.lsp4j.Diagnostic>> published = new ConcurrentHashMap<>();
    final Map<String, List<List<org.eclipse.lsp4j.Diagnostic>>> history = new ConcurrentHashMap<>();

    @Override
    public synchronized void publishDiagnostics(PublishDiagnosticsParams params) {
      published.put(params.getUri(), params.getDiagnostics());
      history.computeIfAbsent(params.getUri(), u -> new ArrayList<>()).add(params.getDiagnostics());
      notifyAll();
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams messageParams) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
  }
}
