package dev.clusterc.lsp;

import dev.clusterc.lsp.feature.RequestRefusedException;
import dev.clusterc.lsp.workspace.ServerLog;
import dev.clusterc.lsp.workspace.Session;
import dev.clusterc.lsp.workspace.Snapshot;
import dev.clusterc.lsp.workspace.Threads;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Runs requests off the protocol's reader thread, so that a slow one never holds up the edits
 * behind it, and keeps each one to itself: a request the editor cancels stops at its next check,
 * and one that crashes is logged on standard error and answered with the empty answer, so the
 * server goes on serving the next. A request a feature refuses ({@link RequestRefusedException})
 * is answered with an error carrying its reason, for the editor to show.
 */
final class Requests {
  private final Session session;
  private final ServerLog log;
  private final ExecutorService pool = Executors.newFixedThreadPool(2, Threads.named("clusterc-lsp-request"));
  private volatile boolean closed;

  Requests(Session session, ServerLog log) {
    this.session = session;
    this.log = log;
  }

  /**
   * Answers a request about one document from its cluster's latest snapshot; {@code empty} when none
   * has one. The document is read from the request's parameters by {@code uri}, which fails with
   * "invalid params" when they name none.
   */
  <T> CompletableFuture<T> about(String name, Supplier<String> uri, T empty, BiFunction<Snapshot, CancelChecker, T> work) {
    String document;
    try {
      document = uri.get();
    } catch (NullPointerException e) {
      document = null;
    }
    if (document == null) {
      return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
          name + " names no document: its params need textDocument.uri", null)));
    }
    String named = document;
    return run(name, empty, cancel -> {
      Optional<Snapshot> snapshot = session.snapshot(named);
      cancel.checkCanceled();
      return snapshot.isEmpty() ? empty : work.apply(snapshot.get(), cancel);
    });
  }

  /** Runs a request; a crash answers {@code empty}; after shutdown, every request is an invalid one. */
  <T> CompletableFuture<T> run(String name, T empty, Function<CancelChecker, T> work) {
    if (closed) {
      return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest,
          "the server is shut down: " + name + " is not answered", null)));
    }
    return CompletableFutures.computeAsync(pool, cancel -> {
      try {
        T answer = work.apply(cancel);
        return answer == null ? empty : answer;
      } catch (CancellationException | ResponseErrorException e) {
        throw e;
      } catch (RequestRefusedException e) {
        throw new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, e.getMessage(), null));
      } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
        log.crash(name + " failed", e);
        return empty;
      }
    });
  }

  /** Answers the requests under way, then no more. */
  void close() {
    closed = true;
    pool.shutdown();
  }
}
