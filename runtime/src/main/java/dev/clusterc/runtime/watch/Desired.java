package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.model.UnitGraph;
import java.util.Objects;

/**
 * One state of the source, compiled: what the cluster should be, and where it came from.
 *
 * @param graph the units and their objects
 * @param revision a Git commit id, or {@code sha256:…} of a directory's content; recorded on the
 *     objects it changes and on the ApplySet parent
 * @param origin where the revision was read, for people: {@code https://…@main/clusters/home} or a path
 */
public record Desired(UnitGraph graph, String revision, String origin) {
  public Desired {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(origin, "origin");
  }
}
