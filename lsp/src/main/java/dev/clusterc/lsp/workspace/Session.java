package dev.clusterc.lsp.workspace;

import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.diag.Diagnostic;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
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
 * <p>Which cluster a document belongs to: the nearest directory, from the document's own up to
 * {@link #SEARCH_DEPTH} above it, whose {@code .cluster} files declare a {@code cluster} and take in
 * the document (its own directory, or one that imports it). A document in none is analysed with
 * its own directory and gets the diagnostics a document can be judged by alone. The answer is
 * revised after every analysis: a document a cluster starts to import moves to it, one it stops
 * importing moves out, with its unsaved text.
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
  /** How many directories above a document are searched for the cluster that imports it. */
  static final int SEARCH_DEPTH = 3;

  private final ServerLog log;
  private final Function<ClusterCompiler, Analysis> analyser;
  private final DiagnosticsPublisher publisher;
  private final StdlibFiles stdlib;
  private final Map<String, OpenDocument> open = new ConcurrentHashMap<>();
  private final Map<Path, String> openUris = new ConcurrentHashMap<>();
  private final Map<Path, ClusterSession> clusters = new ConcurrentHashMap<>();
  /** The cluster each open document belongs to, by file. */
  private final Map<Path, ClusterSession> owners = new ConcurrentHashMap<>();
  private final ExecutorService refresher;
  /** The cluster of the latest request or edit about a document of the user's: where library documents are answered from. */
  private volatile ClusterSession lastActive;
  private volatile boolean documentChanges;

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
  }

  /** The editor opened a document: placed in its cluster and analysed on the analysis thread. */
  public void opened(String uri, String text, int version) {
    Path file = fileOf(uri);
    if (file == null) {
      log.warn("ignoring " + uri + ": only file: documents are analysed");
      return;
    }
    open.put(uri, new OpenDocument(uri, file, text, version));
    openUris.put(file, uri);
    if (!isLibrary(file)) {
      queue("placing " + file, () -> refresh(place(file)));
    }
  }

  /** The editor changed a document (its changes, in order). */
  public void changed(String uri, List<TextDocumentContentChangeEvent> changes, int version) {
    OpenDocument document = open.get(uri);
    if (document == null) {
      log.warn("a change to " + uri + ", which is not open, is ignored");
      return;
    }
    document.apply(changes, version);
    ClusterSession cluster = owners.get(document.file());
    if (cluster == null) {
      return; // not placed yet (placing reads the latest text), or a standard-library document, never analysed
    }
    lastActive = cluster;
    overlay(cluster, document.file());
    refresh(cluster);
  }

  /** The editor closed a document: the file on disk counts again. */
  public void closed(String uri) {
    OpenDocument document = open.remove(uri);
    if (document == null) {
      return;
    }
    openUris.remove(document.file(), uri);
    ClusterSession cluster = owners.remove(document.file());
    if (cluster != null) {
      cluster.overlay(document.file(), null, false);
      refresh(cluster);
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
        for (Path loose : List.copyOf(owners.keySet())) {
          ClusterSession owner = owners.get(loose);
          if (owner != null && owner.latest().map(l -> !l.inCluster()).orElse(true)) {
            move(loose, null);
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

  /** The open document at {@code uri}, if it is open. */
  public Optional<OpenDocument> document(String uri) {
    return Optional.ofNullable(open.get(uri));
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
    ClusterSession cluster = owners.get(file);
    if (cluster == null) {
      cluster = open.containsKey(uri) ? place(file) : readingCluster(file, uri);
    }
    lastActive = cluster;
    return Optional.of(cluster.current());
  }

  /** The latest snapshot of every cluster the session knows, for workspace-wide requests. */
  public List<Snapshot> snapshots() {
    for (OpenDocument document : List.copyOf(open.values())) {
      if (!owners.containsKey(document.file()) && !isLibrary(document.file())) {
        place(document.file());
      }
    }
    return clusters.values().stream().map(ClusterSession::current).toList();
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
    String known = openUris.get(file);
    return known != null ? known : file.toUri().toString();
  }

  /** Queues one analysis and publication of a cluster, unless one is queued already. */
  private void refresh(ClusterSession cluster) {
    if (cluster.refreshQueued.compareAndSet(false, true)) {
      queue("analysing " + cluster.root(), () -> {
        cluster.refreshQueued.set(false);
        Snapshot snapshot = cluster.current();
        publisher.publish(cluster, snapshot, owners::get, this::uriOf, this::refusalOf);
        reconsider(cluster, snapshot);
        if (!cluster.hasOpenDocuments() && !owners.containsValue(cluster) && !cluster.root().equals(stdlib.directory())) {
          publisher.withdraw(cluster);
          clusters.remove(cluster.root(), cluster);
        }
      });
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

  /**
   * After an analysis, moves the open documents whose cluster changed: one the analysed cluster no
   * longer takes in, and one it now takes in while it belonged to no cluster.
   */
  private void reconsider(ClusterSession cluster, Snapshot snapshot) {
    if (snapshot.crashed()) {
      return;
    }
    for (Path file : List.copyOf(owners.keySet())) {
      ClusterSession owner = owners.get(file);
      boolean refused = refusalOf(file).isPresent();
      boolean takesIn = snapshot.path(uriOf(file)).isPresent();
      if (owner == cluster && !takesIn && !refused) {
        move(file, null);
      } else if (owner != null && owner != cluster && snapshot.inCluster() && takesIn
          && !owner.latest().map(Snapshot::inCluster).orElse(false)) {
        move(file, cluster);
      }
    }
  }

  /** Moves an open document to {@code to} (or to where it is found to belong), with its unsaved text. */
  private synchronized void move(Path file, ClusterSession to) {
    ClusterSession from = owners.get(file);
    ClusterSession target = to != null ? to : find(file);
    if (from == null || target == from) {
      return;
    }
    owners.remove(file);
    from.overlay(file, null, false);
    refresh(from);
    clusters.putIfAbsent(target.root(), target);
    owners.put(file, target);
    overlay(target, file);
    log.info(file + " now belongs to " + describe(target));
    refresh(target);
  }

  /** Places an open document in its cluster (once), with the editor's text. */
  private synchronized ClusterSession place(Path file) {
    ClusterSession known = owners.get(file);
    if (known != null) {
      return known;
    }
    ClusterSession chosen = find(file);
    clusters.putIfAbsent(chosen.root(), chosen);
    owners.put(file, chosen);
    overlay(chosen, file);
    log.info(file + " belongs to " + describe(chosen));
    return chosen;
  }

  /** The cluster to answer from about a file the editor does not have open. */
  private ClusterSession readingCluster(Path file, String uri) {
    for (ClusterSession cluster : clusters.values()) {
      if (cluster.latest().flatMap(l -> l.path(uri)).isPresent()) {
        return cluster;
      }
    }
    synchronized (this) {
      ClusterSession found = find(file);
      return clusters.computeIfAbsent(found.root(), r -> found);
    }
  }

  /**
   * Which cluster takes a file in: tries its directory (with the editor's text, which may declare
   * the cluster) and the directories above it that hold sources. Sessions made only to look are
   * not kept.
   */
  private ClusterSession find(Path file) {
    Path directory = file.getParent();
    String uri = uriOf(file);
    Path candidate = directory;
    for (int depth = 0; candidate != null && depth <= SEARCH_DEPTH; depth++, candidate = candidate.getParent()) {
      if (depth > 0 && !hasClusterFiles(candidate)) {
        continue;
      }
      ClusterSession kept = clusters.get(candidate);
      ClusterSession probe = kept != null ? kept : newSession(candidate);
      boolean overlaid = depth == 0 && owners.get(file) != probe;
      if (overlaid) {
        overlay(probe, file);
      }
      Snapshot snapshot = probe.current();
      if (snapshot.inCluster() && snapshot.path(uri).isPresent()) {
        return probe;
      }
      if (overlaid && kept != null) {
        probe.overlay(file, null, false);
      }
    }
    ClusterSession kept = clusters.get(directory);
    return kept != null ? kept : newSession(directory);
  }

  /**
   * Gives a cluster the editor's text of an open document (or marks it refused). The text is read
   * and handed over under the document's lock, so that of two callers (an edit, and the document
   * being placed) the last to hand over hands over the newest text.
   */
  private void overlay(ClusterSession cluster, Path file) {
    String uri = openUris.get(file);
    OpenDocument document = uri == null ? null : open.get(uri);
    if (document == null) {
      cluster.overlay(file, null, false);
      return;
    }
    synchronized (document) {
      boolean refused = document.refusal().isPresent();
      cluster.overlay(file, refused ? null : document.text(), refused);
    }
  }

  private Optional<Diagnostic> refusalOf(Path file) {
    String uri = openUris.get(file);
    OpenDocument document = uri == null ? null : open.get(uri);
    return document == null ? Optional.empty() : document.refusal();
  }

  private String describe(ClusterSession cluster) {
    return cluster.latest().map(Snapshot::inCluster).orElse(false) ? "the cluster in " + cluster.root()
        : "no cluster; analysed with the files of " + cluster.root();
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

  private static boolean hasClusterFiles(Path directory) {
    try {
      return Files.isDirectory(directory) && !ClusterCompiler.clusterFiles(directory).isEmpty();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
