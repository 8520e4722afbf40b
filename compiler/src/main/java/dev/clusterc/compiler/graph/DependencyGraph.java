package dev.clusterc.compiler.graph;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.program.DatabaseReaders;
import dev.clusterc.compiler.program.Decl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who needs whom, over the layered declarations: the edges {@code depends-on} writes and the ones
 * a declaration implies by what it uses. Runtime and Flux ordering come from these edges.
 */
public final class DependencyGraph {
  private final List<Decl> nodes;
  private final List<Edge> edges;
  private final Map<Decl, List<Edge>> outgoing = new IdentityHashMap<>();

  public DependencyGraph(List<Decl> nodes, List<Edge> edges) {
    this.nodes = List.copyOf(nodes);
    this.edges = List.copyOf(edges);
    for (Decl node : nodes) {
      outgoing.put(node, new ArrayList<>());
    }
    for (Edge edge : edges) {
      outgoing.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge);
    }
  }

  /**
   * The graph of a set of declarations: their references, edges to the components that provide what
   * they need, and for an app reading a database of another namespace, edges from both to the
   * component that copies the credentials when one is in use ({@link DatabaseReaders}).
   */
  public static DependencyGraph of(List<Decl> decls, java.util.function.Function<String, List<Decl>> providers) {
    List<Decl> nodes = decls.stream().filter(d -> d.kind().isLayered()).toList();
    Map<String, Edge> unique = new LinkedHashMap<>();
    for (Decl decl : nodes) {
      for (Edge edge : Needs.references(decl)) {
        unique.putIfAbsent(key(edge), edge);
      }
      for (Need need : Needs.capabilities(decl)) {
        for (Decl provider : providers.apply(need.capability())) {
          if (provider != decl) {
            Edge edge = new Edge(decl, provider, need.reason(), need.span());
            unique.putIfAbsent(key(edge), edge);
          }
        }
      }
      for (BoundEntry entry : DatabaseReaders.foreign(decl)) {
        Decl database = entry.ref("database").orElseThrow();
        for (Decl copier : providers.apply(DatabaseReaders.COPIER)) {
          Edge app = new Edge(decl, copier, "reads " + database.label() + " from namespace "
              + DatabaseReaders.databaseNamespace(database), entry.entry().span());
          Edge source = new Edge(database, copier, "is read from other namespaces", database.site());
          unique.putIfAbsent(key(app), app);
          unique.putIfAbsent(key(source), source);
        }
      }
    }
    return new DependencyGraph(nodes, new ArrayList<>(unique.values()));
  }

  private static String key(Edge edge) {
    return edge.from().label() + "\0" + edge.to().label();
  }

  public List<Decl> nodes() {
    return nodes;
  }

  public List<Edge> edges() {
    return edges;
  }

  public List<Edge> from(Decl decl) {
    return outgoing.getOrDefault(decl, List.of());
  }

  /** The cycles, each as its edges in order, found once each (by strongly connected component). */
  public List<List<Edge>> cycles() {
    List<List<Edge>> cycles = new ArrayList<>();
    for (Set<Decl> component : new StronglyConnected(this).components()) {
      Decl start = component.stream().min(Comparator.comparing(Decl::label)).orElseThrow();
      List<Edge> path = new ArrayList<>();
      if (walk(start, start, component, path, new LinkedHashSet<>())) {
        cycles.add(path);
      }
    }
    return cycles;
  }

  /** Depth-first search for a path back to {@code target} inside one component. */
  private boolean walk(Decl at, Decl target, Set<Decl> component, List<Edge> path, Set<Decl> seen) {
    List<Edge> out = new ArrayList<>(from(at));
    out.sort(Comparator.comparing(e -> e.to().label()));
    for (Edge edge : out) {
      if (!component.contains(edge.to())) {
        continue;
      }
      path.add(edge);
      if (edge.to() == target) {
        return true;
      }
      if (seen.add(edge.to()) && walk(edge.to(), target, component, path, seen)) {
        return true;
      }
      path.remove(path.size() - 1);
    }
    return false;
  }
}
