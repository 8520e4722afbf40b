package dev.clusterc.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
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
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * {@code clusterc lsp} in a child process, as an editor runs it, and the editor's end of the connection:
 * LSP4J's client launcher over the child's standard input and output. It records when each
 * {@code publishDiagnostics} arrives (per document: how many so far and the latest), so the bench can
 * wait for the one an edit causes. The child's standard error goes to a file, shown when something fails.
 */
final class LspServerProcess implements AutoCloseable {
  /** How long the bench waits for any one answer before it gives up: far beyond any figure it could print. */
  static final Duration DEADLINE = Duration.ofSeconds(120);

  private final Process process;
  private final Path log;
  private final Recorder client = new Recorder();
  private final LanguageServer server;
  private final long startNanos;
  private final long initializedNanos;

  private LspServerProcess(WholeProcess launcher, Path root, Path log) throws IOException {
    this.log = log;
    ProcessBuilder builder = new ProcessBuilder(launcher.command("lsp")).redirectError(log.toFile());
    // Measure the jar as it is: a bench never starts a build.
    builder.environment().put("CLUSTERC_SKIP_BUILD", "1");
    startNanos = System.nanoTime();
    process = builder.start();
    Launcher<LanguageServer> connection = LSPLauncher.createClientLauncher(client, process.getInputStream(),
        process.getOutputStream());
    connection.startListening();
    server = connection.getRemoteProxy();
    InitializeParams params = new InitializeParams();
    params.setProcessId((int) ProcessHandle.current().pid());
    params.setCapabilities(new ClientCapabilities());
    params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), root.getFileName().toString())));
    await(server.initialize(params), "initialize");
    initializedNanos = System.nanoTime();
    server.initialized(new InitializedParams());
  }

  /** Starts {@code clusterc lsp} through {@code launcher} and initialises it for the cluster at {@code root}. */
  static LspServerProcess start(WholeProcess launcher, Path root) throws IOException {
    Path log = Files.createTempFile("clusterc-bench-lsp", ".log");
    try {
      return new LspServerProcess(launcher, root, log);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(log);
      throw e;
    }
  }

  /** The JVM's process id (the launcher replaces itself with java). */
  long pid() {
    return process.pid();
  }

  long startNanos() {
    return startNanos;
  }

  /** When {@code initialize} was answered. */
  long initializedNanos() {
    return initializedNanos;
  }

  /** Opens a document with its text, version 1, as an editor does when a file is shown. */
  void open(String uri, String text) {
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "cluster", 1, text)));
  }

  /** Sends one incremental change of an open document. */
  void change(String uri, int version, TextDocumentContentChangeEvent change) {
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, version), List.of(change)));
  }

  /** Asks for completion and waits for the answer; returns how many items it offered. */
  int complete(String uri, Position position) {
    Either<List<CompletionItem>, CompletionList> answer = await(server.getTextDocumentService()
        .completion(new CompletionParams(new TextDocumentIdentifier(uri), position)), "completion");
    if (answer == null) {
      return 0;
    }
    return answer.isLeft() ? answer.getLeft().size() : answer.getRight().getItems().size();
  }

  /** How many times diagnostics were published for {@code uri} so far. */
  int publications(String uri) {
    return client.count(uri);
  }

  /**
   * Waits for a publication for {@code uri} after the first {@code seen} ones whose diagnostics satisfy
   * {@code expected}; returns when it arrived ({@link System#nanoTime()}).
   */
  long awaitPublication(String uri, int seen, Predicate<List<Diagnostic>> expected, String what) {
    long arrived = client.await(uri, seen, expected, DEADLINE);
    if (arrived < 0) {
      throw failure("no diagnostics " + what + " within " + DEADLINE.toSeconds() + " s (last published: "
          + client.last(uri) + ")");
    }
    return arrived;
  }

  /** Says {@code shutdown} and {@code exit}, as an editor does, and waits for the process to end. */
  @Override
  public void close() throws IOException {
    try {
      if (process.isAlive()) {
        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    } catch (Exception e) {
      process.destroyForcibly();
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private <T> T await(CompletableFuture<T> answer, String what) {
    try {
      return answer.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(what + " was interrupted");
    } catch (Exception e) {
      throw failure(what + " failed: " + e);
    }
  }

  /** A failure of the bench, with the end of the server's log, which says why. */
  IllegalStateException failure(String message) {
    String tail;
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      tail = "(the log could not be read: " + e.getMessage() + ")";
    }
    return new IllegalStateException("clusterc lsp (process " + process.pid() + (process.isAlive() ? "" : ", ended")
        + "): " + message + "\nits log ends:\n" + tail);
  }

  /** The editor's side: counts publications per document and keeps the latest, nothing more. */
  private static final class Recorder implements LanguageClient {
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, List<Diagnostic>> latest = new HashMap<>();
    private final Map<String, Long> arrivals = new HashMap<>();

    @Override
    public synchronized void publishDiagnostics(PublishDiagnosticsParams params) {
      long now = System.nanoTime();
      counts.merge(params.getUri(), 1, Integer::sum);
      latest.put(params.getUri(), params.getDiagnostics());
      arrivals.put(params.getUri(), now);
      notifyAll();
    }

    synchronized int count(String uri) {
      return counts.getOrDefault(uri, 0);
    }

    synchronized String last(String uri) {
      List<Diagnostic> last = latest.get(uri);
      return last == null ? "nothing" : last.size() + " diagnostics";
    }

    /**
     * Waits until a publication after the first {@code seen} satisfies {@code expected}; the arrival time, or
     * -1 after the deadline. Only the latest is kept, so one that is overtaken before this thread looks counts
     * when the latest satisfies {@code expected} too (the bench never lets that happen: it waits for each).
     */
    synchronized long await(String uri, int seen, Predicate<List<Diagnostic>> expected, Duration deadline) {
      long end = System.nanoTime() + deadline.toNanos();
      while (true) {
        if (counts.getOrDefault(uri, 0) > seen && expected.test(latest.get(uri))) {
          return arrivals.get(uri);
        }
        long left = end - System.nanoTime();
        if (left <= 0) {
          return -1;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return -1;
        }
      }
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams message) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
  }
}
