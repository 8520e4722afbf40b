package dev.clusterc.lsp.workspace;

import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.diag.Diagnostic;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The server's state between requests: the documents the editor has open, the cluster each belongs
 * to, and the refresh that follows every edit (analyse, then publish what changed).
 *
 * <p>Which cluster a document belongs to: the nearest directory, from the document's own up to
 * {@link #SEARCH_DEPTH} above it, whose {@code .cluster} files declare a {@code cluster} and take in
 * the document (its own directory, or one that imports it). A document in none is analysed with
 * its own directory and gets the diagnostics a document can be judged by alone.
 *
 * <p>Edits arrive on the protocol's reader thread and return at once; the analysis runs on one
 * thread of its own, and a burst of edits to one cluster is analysed once. Requests that need the
 * latest state wait for that analysis (or make it) through {@link #snapshot}.
 */
public final class Session {
  /** How many directories above a document are searched for the cluster that imports it. */
  static final int SEARCH_DEPTH = 3;

  private final ServerLog log;
  private final Function<ClusterCompiler, Analysis> analyser;
  private final BiConsumer<String, List<org.eclipse.lsp4j.Diagnostic>> publisher;
  private final BiFunction<Snapshot, Diagnostic, org.eclipse.lsp4j.Diagnostic> converter;
  private final StdlibFiles stdlib;
  private final Map<String, OpenDocument> open = new ConcurrentHashMap<>();
  private final Map<Path, String> openUris = new ConcurrentHashMap<>();
  private final Map<Path, ClusterSession> clusters = new ConcurrentHashMap<>();
  private final Map<String, ClusterSession> owners = new ConcurrentHashMap<>();
  private final ExecutorService refresher;

  /**
   * @param analyser how a cluster is analysed ({@code ClusterCompiler::analyse}; tests pass one that crashes)
   * @param converter turns a compiler diagnostic into the protocol's, for the snapshot it came from
   * @param publisher sends one document's diagnostics to the editor
   */
  public Session(ServerLog log, Function<ClusterCompiler, Analysis> analyser,
      BiConsumer<String, List<org.eclipse.lsp4j.Diagnostic>> publisher,
      BiFunction<Snapshot, Diagnostic, org.eclipse.lsp4j.Diagnostic> converter) {
    this.log = log;
    this.analyser = analyser;
    this.publisher = publisher;
    this.converter = converter;
    this.stdlib = StdlibFiles.materialise(log);
    this.refresher = Executors.newSingleThreadExecutor(Threads.named("clusterc-lsp-analysis"));
  }

  /** The editor opened a document. */
  public void opened(String uri, String text, int version) {
    Path file = fileOf(uri);
    if (file == null) {
      log.warn("ignoring " + uri + ": only file: documents are analysed");
      return;
    }
    OpenDocument document = new OpenDocument(uri, file, text, version);
    open.put(uri, document);
    openUris.put(file, uri);
    ClusterSession cluster = clusterOf(uri, file);
    cluster.overlay(file, document.refusal().isPresent() ? null : text);
    refresh(cluster);
  }

  /** The editor changed a document (its changes, in order). */
  public void changed(String uri, List<TextDocumentContentChangeEvent> changes, int version) {
    OpenDocument document = open.get(uri);
    if (document == null) {
      log.warn("a change to " + uri + ", which is not open, is ignored");
      return;
    }
    document.apply(changes, version);
    ClusterSession cluster = owners.get(uri);
    cluster.overlay(document.file(), document.refusal().isPresent() ? null : document.text());
    refresh(cluster);
  }

  /** The editor closed a document: the file on disk counts again. */
  public void closed(String uri) {
    OpenDocument document = open.remove(uri);
    if (document == null) {
      return;
    }
    openUris.remove(document.file());
    ClusterSession cluster = owners.remove(uri);
    if (cluster != null) {
      cluster.overlay(document.file(), null);
      refresh(cluster);
    }
  }

  /** A file changed on disk (saved, created, deleted, or changed by another program). */
  public void fileChanged(String uri) {
    Path file = fileOf(uri);
    if (file == null) {
      return;
    }
    for (ClusterSession cluster : clusters.values()) {
      if (file.startsWith(cluster.root()) || cluster.current().path(uri).isPresent()) {
        cluster.touched(file);
        refresh(cluster);
      }
    }
  }

  /** The open document at {@code uri}, if it is open. */
  public Optional<OpenDocument> document(String uri) {
    return Optional.ofNullable(open.get(uri));
  }

  /**
   * The latest snapshot of the cluster the document belongs to (analysing first when an edit is not
   * in it yet); empty for a document that is neither open nor a {@code file:} URI.
   */
  public Optional<Snapshot> snapshot(String uri) {
    ClusterSession cluster = owners.get(uri);
    if (cluster == null) {
      Path file = fileOf(uri);
      if (file == null) {
        return Optional.empty();
      }
      cluster = clusterOf(uri, file);
    }
    return Optional.of(cluster.current());
  }

  /** The latest snapshot of every cluster the session knows, for workspace-wide requests. */
  public List<Snapshot> snapshots() {
    return clusters.values().stream().map(ClusterSession::current).toList();
  }

  /** Stops the analysis thread. */
  public void close() {
    refresher.shutdownNow();
    try {
      refresher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The path of a {@code file:} URI, or {@code null} for any other. */
  static Path fileOf(String uri) {
    try {
      URI parsed = URI.create(uri);
      return "file".equalsIgnoreCase(parsed.getScheme()) ? Path.of(parsed).toAbsolutePath().normalize() : null;
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }

  /** The URI the editor uses for a file: its own when it has the file open, else the file's. */
  String uriOf(Path file) {
    String known = openUris.get(file);
    return known != null ? known : file.toUri().toString();
  }

  /** Queues one analysis and publication of a cluster, unless one is queued already. */
  private void refresh(ClusterSession cluster) {
    if (cluster.refreshQueued.compareAndSet(false, true)) {
      try {
        refresher.execute(() -> {
          cluster.refreshQueued.set(false);
          try {
            publish(cluster, cluster.current());
          } catch (RuntimeException | StackOverflowError e) {
            log.crash("publishing diagnostics for " + cluster.root() + " failed", e);
          }
        });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        cluster.refreshQueued.set(false);
      }
    }
  }

  /** Sends the diagnostics of every document that changed since the last publication, and clears fixed ones. */
  private void publish(ClusterSession cluster, Snapshot snapshot) {
    Map<String, List<org.eclipse.lsp4j.Diagnostic>> next = new LinkedHashMap<>();
    for (var document : snapshot.clusterDocuments()) {
      snapshot.uri(document.path()).ifPresent(u -> next.put(u, new ArrayList<>()));
    }
    owners.forEach((uri, owner) -> {
      if (owner == cluster) {
        next.put(uri, new ArrayList<>());
      }
    });
    for (Diagnostic diagnostic : snapshot.diagnostics()) {
      Optional<String> uri = snapshot.uri(diagnostic.span().file().path());
      if (uri.isPresent() && next.containsKey(uri.get())) {
        next.get(uri.get()).add(converter.apply(snapshot, diagnostic));
      }
    }
    open.values().stream().filter(d -> owners.get(d.uri()) == cluster).forEach(d ->
        d.refusal().ifPresent(r -> next.put(d.uri(), List.of(converter.apply(snapshot, r)))));
    synchronized (cluster) {
      if (snapshot.generation() < cluster.publishedGeneration) {
        return;
      }
      cluster.publishedGeneration = snapshot.generation();
      Map<String, List<org.eclipse.lsp4j.Diagnostic>> before = new HashMap<>(cluster.published);
      cluster.published.clear();
      next.forEach((uri, list) -> {
        if (!list.equals(before.remove(uri))) {
          publisher.accept(uri, list);
        }
        if (!list.isEmpty()) {
          cluster.published.put(uri, list);
        }
      });
      before.forEach((uri, list) -> publisher.accept(uri, List.of()));
    }
  }

  /** Finds (and remembers) the cluster a document belongs to. */
  private ClusterSession clusterOf(String uri, Path file) {
    ClusterSession known = owners.get(uri);
    if (known != null) {
      return known;
    }
    Path directory = file.getParent();
    ClusterSession chosen = null;
    Path candidate = directory;
    for (int depth = 0; candidate != null && depth <= SEARCH_DEPTH && chosen == null; depth++, candidate = candidate.getParent()) {
      if (depth > 0 && !hasClusterFiles(candidate)) {
        continue;
      }
      ClusterSession cluster = cluster(candidate);
      if (depth == 0) {
        cluster.overlay(file, open.containsKey(uri) ? open.get(uri).text() : null);
      }
      Snapshot snapshot = cluster.current();
      if (snapshot.inCluster() && snapshot.path(uri).isPresent()) {
        chosen = cluster;
      }
    }
    if (chosen == null) {
      chosen = cluster(directory);
    }
    if (!chosen.root().equals(directory) && open.containsKey(uri)) {
      clusters.get(directory).overlay(file, null);
    }
    owners.put(uri, chosen);
    return chosen;
  }

  private ClusterSession cluster(Path root) {
    return clusters.computeIfAbsent(root, r -> new ClusterSession(r, analyser, stdlib, this::uriOf, log));
  }

  private static boolean hasClusterFiles(Path directory) {
    try {
      return Files.isDirectory(directory) && !ClusterCompiler.clusterFiles(directory).isEmpty();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
