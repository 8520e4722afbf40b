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
  private final BiConsumer<String, List<org.eclipse.lsp4j.Diagnostic>> publisher;
  private final BiFunction<Snapshot, Diagnostic, org.eclipse.lsp4j.Diagnostic> converter;
  private final StdlibFiles stdlib;
  private final Map<String, OpenDocument> open = new ConcurrentHashMap<>();
  private final Map<Path, String> openUris = new ConcurrentHashMap<>();
  private final Map<Path, ClusterSession> clusters = new ConcurrentHashMap<>();
  private final Map<String, ClusterSession> owners = new ConcurrentHashMap<>();
  private final ExecutorService refresher;
  /** The cluster of the latest request or edit about a document of the user's: where library documents are answered from. */
  private volatile ClusterSession lastActive;
  private volatile boolean documentChanges;
  private volatile boolean changeAnnotations;

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
    if (isLibrary(file)) {
      return;
    }
    ClusterSession cluster = clusterOf(uri, file);
    lastActive = cluster;
    cluster.overlay(file, editorText(uri));
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
    if (cluster == null) {
      return; // a standard-library document: its copy is read-only and never analysed
    }
    lastActive = cluster;
    cluster.overlay(document.file(), editorText(uri));
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
    if (file == null || isLibrary(file)) {
      return;
    }
    for (ClusterSession cluster : clusters.values()) {
      if (file.startsWith(cluster.root()) || cluster.latest().flatMap(l -> l.path(uri)).isPresent()) {
        cluster.touched(file);
        refresh(cluster);
      }
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
      if (isLibrary(file)) {
        return Optional.of(libraryCluster().current());
      }
      cluster = clusterOf(uri, file);
    }
    lastActive = cluster;
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
    ClusterSession library = cluster(directory);
    StringBuilder uses = new StringBuilder();
    library.current().navigator().ifPresent(navigator -> navigator.documents().stream()
        .filter(StdlibFiles::isLibrary)
        .flatMap(path -> navigator.outline(path).stream())
        .filter(item -> item.keyword().equals("component"))
        .forEach(item -> uses.append("use ").append(item.name()).append('\n')));
    library.overlay(directory.resolve("library-in-use.cluster"), uses.toString());
    return library;
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
        cluster.overlay(file, editorText(uri));
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
    log.info(uri + " belongs to " + (chosen.current().inCluster() ? "the cluster in " : "no cluster; analysed with ") + chosen.root());
    return chosen;
  }

  /** The editor's text of an open document, or {@code null} (the file on disk) when it is not open or refused. */
  private String editorText(String uri) {
    OpenDocument document = open.get(uri);
    return document == null || document.refusal().isPresent() ? null : document.text();
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
