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

  /** Whether any open document belongs to {@code cluster}. */
  boolean owns(ClusterSession cluster) {
    return owners.containsValue(cluster);
  }

  /** Forgets where a document was placed (it was closed); the cluster it was in, or {@code null}. */
  ClusterSession release(Path file) {
    return owners.remove(file);
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
    owners.remove(file);
    from.overlay(file, null, false);
    refresh.accept(from);
    clusters.putIfAbsent(target.root(), target);
    owners.put(file, target);
    open.handOver(target, file);
    log.info(file + " now belongs to " + describe(target));
    refresh.accept(target);
  }

  /** Places an open document in its cluster (once), with the editor's text. */
  synchronized ClusterSession place(Path file) {
    ClusterSession known = owners.get(file);
    if (known != null) {
      return known;
    }
    ClusterSession chosen = find(file);
    clusters.putIfAbsent(chosen.root(), chosen);
    owners.put(file, chosen);
    open.handOver(chosen, file);
    log.info(file + " belongs to " + describe(chosen));
    return chosen;
  }

  /** The cluster to answer from about a file the editor does not have open. */
  ClusterSession readingCluster(Path file, String uri) {
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
    String uri = open.uriOf(file);
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
      if (overlaid && kept != null) {
        probe.overlay(file, null, false);
      }
    }
    ClusterSession kept = clusters.get(directory);
    return kept != null ? kept : sessions.apply(directory);
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
