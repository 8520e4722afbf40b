package dev.clusterc.lsp.workspace;

import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The server's state between requests: the documents the editor has open, the cluster each belongs
 * to, and the refresh that follows every edit (analyse, publish what changed, and check again which
 * cluster each open document belongs to).
 *
 * <p>Which cluster a document belongs to is {@link Placement}'s answer, revised after every
 * analysis. A document in no cluster is analysed with its own directory and gets the diagnostics a
 * document can be judged by alone.
 *
 * <p>Notifications arrive on the protocol's reader thread and return at once: they record the
 * text and queue work. Placing a document and analysing run on one thread of their own, and a
 * burst of edits to one cluster is analysed once. Requests that need the latest state wait for that
 * analysis (or make it) through {@link #snapshot}. A cluster whose last open document is closed is
 * dropped, and its diagnostics cleared.
 *
 * <p>A standard-library document the editor opened (after "go to definition" into it) belongs to no
 * cluster of its own: it is a read-only copy, never analysed as sources. Requests about it are
 * answered from the cluster the user came from (the last one a request or an edit was about), so
 * that "find references" on {@code component cilium} finds the {@code use cilium} of that cluster.
 */
public final class Session {
  private final ServerLog log;
  private final Function<ClusterCompiler, Analysis> analyser;
  private final DiagnosticsPublisher publisher;
  private final StdlibFiles stdlib;
  private final OpenDocuments open = new OpenDocuments();
  private final Map<Path, ClusterSession> clusters = new ConcurrentHashMap<>();
  private final Placement placement;
  private final ExecutorService refresher;
  /** The cluster of the latest request or edit about a document of the user's: where library documents are answered from. */
  private volatile ClusterSession lastActive;
  private volatile boolean documentChanges;
  private volatile boolean changeAnnotations;

  /**
   * @param analyser how a cluster is analysed ({@code ClusterCompiler::analyse}; tests pass one that crashes)
   * @param client sends one document's diagnostics to the editor
   * @param converter turns a compiler diagnostic into the protocol's, for the snapshot it came from
   */
  public Session(ServerLog log, Function<ClusterCompiler, Analysis> analyser,
      BiConsumer<String, List<org.eclipse.lsp4j.Diagnostic>> client,
      BiFunction<Snapshot, Diagnostic, org.eclipse.lsp4j.Diagnostic> converter) {
    this.log = log;
    this.analyser = analyser;
    this.publisher = new DiagnosticsPublisher(client, converter);
    this.stdlib = StdlibFiles.materialise(log);
    this.refresher = Executors.newSingleThreadExecutor(Threads.named("clusterc-lsp-analysis"));
    this.placement = new Placement(clusters, open, this::newSession, this::refresh, log);
  }

  /** The editor opened a document: placed in its cluster and analysed on the analysis thread. */
  public void opened(String uri, String text, int version) {
    Path file = fileOf(uri);
    if (file == null) {
      log.warn("ignoring " + uri + ": only file: documents are analysed");
      return;
    }
    open.add(new OpenDocument(uri, file, text, version));
    if (!isLibrary(file)) {
      queue("placing " + file, () -> {
        if (open.isOpen(uri)) {
          refresh(placement.place(file));
        }
      });
    }
  }

  /** The editor changed a document (its changes, in order). */
  public void changed(String uri, List<TextDocumentContentChangeEvent> changes, int version) {
    OpenDocument document = open.get(uri).orElse(null);
    if (document == null) {
      log.warn("a change to " + uri + ", which is not open, is ignored");
      return;
    }
    document.apply(changes, version);
    ClusterSession cluster;
    synchronized (document) {
      cluster = placement.ownerOf(document.file());
      if (cluster == null) {
        return; // not placed yet (placing reads the latest text), or a standard-library document, never analysed
      }
      open.handOver(cluster, document.file());
    }
    lastActive = cluster;
    refresh(cluster);
  }

  /** The editor closed a document: the file on disk counts again. */
  public void closed(String uri) {
    OpenDocument document = open.remove(uri).orElse(null);
    if (document == null) {
      return;
    }
    ClusterSession cluster = placement.release(document.file());
    if (cluster != null) {
      refresh(cluster);
    }
    for (ClusterSession reader : clusters.values()) {
      if (reader != cluster && reader.overlay(document.file(), null, false)) {
        refresh(reader); // it had the text to resolve an import (see shareWithImporters)
      }
    }
  }

  /** A file changed on disk (saved, created, deleted, or changed by another program). */
  public void fileChanged(String uri) {
    Path file = fileOf(uri);
    if (file == null || isLibrary(file)) {
      return;
    }
    for (ClusterSession cluster : clusters.values()) {
      if (file.startsWith(cluster.root()) || cluster.latest().flatMap(l -> l.path(uri)).isPresent()) {
        cluster.touched(file);
        refresh(cluster);
      }
    }
    if (file.toString().endsWith(".cluster")) {
      // A new or deleted source may make a cluster of a directory, or take one in: place loose documents again.
      queue("placing documents again after " + file + " changed", () -> {
        for (Path loose : placement.placed()) {
          ClusterSession owner = placement.ownerOf(loose);
          if (owner != null && owner.latest().map(l -> !l.inCluster()).orElse(true)) {
            placement.move(loose, null);
          }
        }
      });
    }
  }

  /**
   * Whether the editor applies workspace edits as versioned document changes (else as plain
   * changes by URI), from what it said it can do when it started.
   */
  public boolean documentChanges() {
    return documentChanges;
  }

  /** Records what the editor said about workspace edits when it started. */
  public void documentChanges(boolean supported) {
    this.documentChanges = supported;
  }

  /**
   * Whether the editor takes change annotations on versioned document changes (and so can ask
   * before applying edits marked as needing confirmation), from what it said when it started.
   */
  public boolean changeAnnotations() {
    return changeAnnotations;
  }

  /** Records whether the editor said it takes change annotations. */
  public void changeAnnotations(boolean supported) {
    this.changeAnnotations = supported;
  }

  /** The open document at {@code uri}, if it is open. */
  public Optional<OpenDocument> document(String uri) {
    return open.get(uri);
  }

  /**
   * The latest snapshot of the cluster the document belongs to (analysing first when an edit is not
   * in it yet); empty for a document that is not a {@code file:} URI.
   */
  public Optional<Snapshot> snapshot(String uri) {
    Path file = fileOf(uri);
    if (file == null) {
      return Optional.empty();
    }
    if (isLibrary(file)) {
      return Optional.of(libraryCluster().current());
    }
    placeOpenDocuments();
    ClusterSession cluster = placement.ownerOf(file);
    if (cluster == null) {
      cluster = open.isOpen(uri) ? placement.place(file) : placement.readingCluster(file, uri);
    }
    lastActive = cluster;
    return Optional.of(cluster.current());
  }

  /** The latest snapshot of every cluster the session knows, for workspace-wide requests. */
  public List<Snapshot> snapshots() {
    placeOpenDocuments();
    return clusters.values().stream().map(ClusterSession::current).toList();
  }

  /**
   * Places the open documents whose placing is still queued, so that an answer never reads from
   * disk a document the editor has open (an editor restoring its tabs opens several, then asks).
   */
  private void placeOpenDocuments() {
    for (OpenDocument document : open.all()) {
      if (placement.ownerOf(document.file()) == null && !isLibrary(document.file())) {
        placement.place(document.file());
      }
    }
  }

  /** Stops the analysis thread once the work queued is done. */
  public void close() {
    refresher.shutdown();
    try {
      if (!refresher.awaitTermination(5, TimeUnit.SECONDS)) {
        refresher.shutdownNow();
      }
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
    return open.uriOf(file);
  }

  /** Queues one analysis and publication of a cluster, unless one is queued already. */
  private void refresh(ClusterSession cluster) {
    if (cluster.refreshQueued.compareAndSet(false, true)) {
      queue("analysing " + cluster.root(), () -> {
        cluster.refreshQueued.set(false);
        Snapshot snapshot = cluster.current();
        publisher.publish(cluster, snapshot, placement::ownerOf, open::uriOf, open::refusalOf);
        placement.reconsider(cluster, snapshot);
        shareWithImporters(cluster, snapshot);
        if (!cluster.root().equals(stdlib.directory()) && placement.drop(cluster)) {
          publisher.withdraw(cluster);
          if (lastActive == cluster) {
            lastActive = null;
          }
        }
      });
    }
  }

  /**
   * A cluster that cannot find a file it imports gets the editor's text of the open documents under
   * its directory that belong elsewhere: a file the user has created but not saved yet is then found,
   * and moves into the cluster on its next analysis.
   */
  private void shareWithImporters(ClusterSession cluster, Snapshot snapshot) {
    if (!snapshot.inCluster() || snapshot.diagnostics().stream().noneMatch(d -> d.code() == Code.IMPORT_NOT_FOUND)) {
      return;
    }
    boolean shared = false;
    for (OpenDocument document : open.all()) {
      Path file = document.file();
      if (file.startsWith(cluster.root()) && placement.ownerOf(file) != cluster && !isLibrary(file)) {
        shared |= open.handOver(cluster, file);
      }
    }
    if (shared) {
      refresh(cluster);
    }
  }

  /** Runs work on the analysis thread; a failure is logged and the thread goes on. */
  private void queue(String what, Runnable work) {
    try {
      refresher.execute(() -> {
        try {
          work.run();
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
          log.crash(what + " failed", e);
        }
      });
    } catch (RejectedExecutionException e) {
      log.warn(what + " dropped: the server is shutting down");
    }
  }

  /** Whether a file is one of the standard library's written copies. */
  private boolean isLibrary(Path file) {
    return stdlib.path(file).isPresent();
  }

  /**
   * Where a standard-library document is answered from: the cluster the user was last in, else one
   * that declares a cluster, else one made of the library alone (whose navigator still knows it).
   */
  private ClusterSession libraryCluster() {
    ClusterSession last = lastActive;
    if (last != null) {
      return last;
    }
    for (ClusterSession cluster : clusters.values()) {
      if (cluster.current().inCluster()) {
        return cluster;
      }
    }
    return clusters.values().stream().findFirst().orElseGet(this::libraryAlone);
  }

  /**
   * A cluster of the standard library alone, for a library document opened before any cluster (an
   * editor restoring its tabs): one unsaved document turns every library component on, so that the
   * names inside the library resolve as they do in a cluster that uses them.
   */
  private ClusterSession libraryAlone() {
    Path directory = stdlib.directory();
    ClusterSession known = clusters.get(directory);
    if (known != null) {
      return known;
    }
    ClusterSession library = clusters.computeIfAbsent(directory, this::newSession);
    StringBuilder uses = new StringBuilder();
    library.current().navigator().ifPresent(navigator -> navigator.documents().stream()
        .filter(StdlibFiles::isLibrary)
        .flatMap(path -> navigator.outline(path).stream())
        .filter(item -> item.keyword().equals("component"))
        .forEach(item -> uses.append("use ").append(item.name()).append('\n')));
    library.overlay(directory.resolve("library-in-use.cluster"), uses.toString(), false);
    return library;
  }

  private ClusterSession newSession(Path root) {
    return new ClusterSession(root, analyser, stdlib, this::uriOf, log);
  }

}
