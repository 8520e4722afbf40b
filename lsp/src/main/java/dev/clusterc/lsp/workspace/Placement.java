package dev.clusterc.lsp.workspace;

import dev.clusterc.compiler.api.ClusterCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Which cluster each open document belongs to: the nearest directory, from the document's own up
 * to {@link #SEARCH_DEPTH} above it, whose {@code .cluster} files declare a {@code cluster} and take
 * the document in (its own directory, or one that imports it); else its own directory, analysed
 * alone. Revised after every analysis ({@link #reconsider}): a document a cluster starts to import
 * moves into it, one it stops importing moves out, each with the editor's unsaved text.
 */
final class Placement {
  /** How many directories above a document are searched for the cluster that imports it. */
  static final int SEARCH_DEPTH = 3;

  private final Map<Path, ClusterSession> clusters;
  private final OpenDocuments open;
  private final Function<Path, ClusterSession> sessions;
  private final Consumer<ClusterSession> refresh;
  private final ServerLog log;
  private final Map<Path, ClusterSession> owners = new ConcurrentHashMap<>();

  /**
   * @param clusters the clusters kept (a cluster a document is placed in is added)
   * @param sessions makes the session of a directory
   * @param refresh queues the analysis and publication of a cluster
   */
  Placement(Map<Path, ClusterSession> clusters, OpenDocuments open, Function<Path, ClusterSession> sessions,
      Consumer<ClusterSession> refresh, ServerLog log) {
    this.clusters = clusters;
    this.open = open;
    this.sessions = sessions;
    this.refresh = refresh;
    this.log = log;
  }

  /** The cluster an open document was placed in, or {@code null}. */
  ClusterSession ownerOf(Path file) {
    return owners.get(file);
  }

  /**
   * Forgets where a document was placed (the editor closed it, and it is no longer among the open
   * documents) and gives the file on disk back to its cluster; the cluster it was in, or {@code null}.
   */
  synchronized ClusterSession release(Path file) {
    ClusterSession owner = owners.remove(file);
    if (owner != null) {
      owner.overlay(file, null, false);
    }
    return owner;
  }

  /**
   * Drops a cluster no open document belongs to any more (after its last refresh): {@code true}
   * when it was dropped, so its diagnostics are to be withdrawn. Under this object's lock, so that
   * a document being placed never lands in a cluster as it is dropped.
   */
  synchronized boolean drop(ClusterSession cluster) {
    if (cluster.hasOpenDocuments() || owners.containsValue(cluster)) {
      return false;
    }
    return clusters.remove(cluster.root(), cluster);
  }

  /** The open documents placed in a cluster, whatever it is. */
  List<Path> placed() {
    return List.copyOf(owners.keySet());
  }

  /**
   * After an analysis, moves the open documents whose cluster changed: one the analysed cluster no
   * longer takes in, and one it now takes in while it belonged to no cluster.
   */
  void reconsider(ClusterSession cluster, Snapshot snapshot) {
    if (snapshot.crashed()) {
      return;
    }
    for (Path file : List.copyOf(owners.keySet())) {
      ClusterSession owner = owners.get(file);
      boolean refused = open.refusalOf(file).isPresent();
      boolean takesIn = snapshot.path(open.uriOf(file)).isPresent();
      if (owner == cluster && !takesIn && !refused) {
        move(file, null);
      } else if (owner != null && owner != cluster && snapshot.inCluster() && takesIn
          && !owner.latest().map(Snapshot::inCluster).orElse(false)) {
        move(file, cluster);
      }
    }
  }

  /** Moves an open document to {@code to} (or to where it is found to belong), with its unsaved text. */
  synchronized void move(Path file, ClusterSession to) {
    ClusterSession from = owners.get(file);
    ClusterSession target = to != null ? to : find(file);
    if (from == null || target == from) {
      return;
    }
    clusters.putIfAbsent(target.root(), target);
    withDocument(file, () -> {
      owners.put(file, target);
      from.overlay(file, null, false);
      open.handOver(target, file);
    });
    log.info(file + " now belongs to " + describe(target));
    refresh.accept(from);
    refresh.accept(target);
  }

  /**
   * Places an open document in its cluster (once), with the editor's text. A document the editor
   * closed meanwhile is placed nowhere: the cluster it would belong to answers, and is not kept.
   */
  synchronized ClusterSession place(Path file) {
    ClusterSession known = owners.get(file);
    if (known != null) {
      return known;
    }
    ClusterSession chosen = find(file);
    if (open.of(file).isEmpty()) {
      return chosen;
    }
    clusters.putIfAbsent(chosen.root(), chosen);
    withDocument(file, () -> {
      owners.put(file, chosen);
      open.handOver(chosen, file);
    });
    log.info(file + " belongs to " + describe(chosen));
    return chosen;
  }

  /**
   * Who owns a document and the text its owner has change together, under the document's lock,
   * which an edit takes too: an edit racing a move hands its text to the new owner, never back to
   * the old.
   */
  private void withDocument(Path file, Runnable change) {
    Object lock = open.of(file).map(Object.class::cast).orElse(this);
    synchronized (lock) {
      change.run();
    }
  }

  /**
   * The cluster to answer from about a file the editor does not have open: one kept that reads it,
   * else the one it would belong to, made for this answer and not kept.
   */
  ClusterSession readingCluster(Path file, String uri) {
    for (ClusterSession cluster : clusters.values()) {
      if (cluster.latest().flatMap(l -> l.path(uri)).isPresent()) {
        return cluster;
      }
    }
    synchronized (this) {
      return find(file);
    }
  }

  /**
   * Which cluster takes a file in: tries its directory (with the editor's text, which may declare
   * the cluster) and the directories above it that hold sources. Sessions made only to look are
   * not kept.
   */
  private ClusterSession find(Path file) {
    Path directory = file.getParent();
    String uri = open.uriOf(file);
    ClusterSession own = null;
    Path candidate = directory;
    for (int depth = 0; candidate != null && depth <= SEARCH_DEPTH; depth++, candidate = candidate.getParent()) {
      if (depth > 0 && !hasClusterFiles(candidate)) {
        continue;
      }
      ClusterSession kept = clusters.get(candidate);
      ClusterSession probe = kept != null ? kept : sessions.apply(candidate);
      boolean overlaid = depth == 0 && owners.get(file) != probe;
      if (overlaid) {
        open.handOver(probe, file);
      }
      Snapshot snapshot = probe.current();
      if (snapshot.inCluster() && snapshot.path(uri).isPresent()) {
        return probe;
      }
      if (depth == 0) {
        own = probe;
      }
      if (overlaid && kept != null) {
        probe.overlay(file, null, false);
      }
    }
    // In no cluster: its own directory (the session just made for it, with its text), analysed alone.
    ClusterSession kept = clusters.get(directory);
    return kept != null ? kept : own != null ? own : sessions.apply(directory);
  }

  private String describe(ClusterSession cluster) {
    return cluster.latest().map(Snapshot::inCluster).orElse(false) ? "the cluster in " + cluster.root()
        : "no cluster; analysed with the files of " + cluster.root();
  }

  private static boolean hasClusterFiles(Path directory) {
    try {
      return Files.isDirectory(directory) && !ClusterCompiler.clusterFiles(directory).isEmpty();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
