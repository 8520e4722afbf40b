package dev.clusterc.lsp;

import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.lsp.workspace.ServerLog;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Runs the language server over a pair of streams until the editor says {@code exit}, closes the
 * input, or ends. Standard output carries protocol frames only: anything else printed there would
 * corrupt the stream, so {@link #main} sends {@code System.out} to standard error first.
 */
public final class LanguageServerMain {
  private LanguageServerMain() {}

  /** {@code java -cp … dev.clusterc.lsp.LanguageServerMain}: the server on standard input and output. */
  public static void main(String[] args) {
    System.exit(serveStdio());
  }

  /** The server on this process's standard input and output; returns the exit status. */
  public static int serveStdio() {
    OutputStream frames = new FileOutputStream(FileDescriptor.out);
    System.setOut(System.err);
    return serve(System.in, frames, System.err);
  }

  /** Serves one connection; returns 0 when it ended after {@code shutdown}, 1 otherwise. */
  public static int serve(InputStream in, OutputStream out, PrintStream err) {
    return serve(in, out, err, ClusterCompiler::analyse);
  }

  /** {@link #serve(InputStream, OutputStream, PrintStream)} analysing with {@code analyser} (tests make it fail). */
  static int serve(InputStream in, OutputStream out, PrintStream err, Function<ClusterCompiler, Analysis> analyser) {
    ServerLog log = new ServerLog(err);
    AtomicReference<Future<Void>> listening = new AtomicReference<>();
    ClustercLanguageServer server = new ClustercLanguageServer(log, analyser, () -> {
      Future<Void> running = listening.get();
      if (running != null) {
        running.cancel(true);
      }
    });
    Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>().setLocalService(server)
        .setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out).configureGson(AnnotatedEdits::register).create();
    server.connect(launcher.getRemoteProxy());
    log.info("started");
    listening.set(launcher.startListening());
    try {
      listening.get().get();
    } catch (CancellationException e) {
      // exit, or the editor's process ended
    } catch (ExecutionException e) {
      log.crash("the connection failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("stopped");
    return server.exitCode();
  }
}
