package dev.clusterc.compiler.graph;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.rules.DatabaseReaders;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
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
   * The graph of the model's declarations: their references, edges to the components that provide what
   * they need, and for an app reading a database of another namespace, edges from both to the
   * component that copies the credentials when one is in use ({@link DatabaseReaders}).
   */
  public static DependencyGraph of(ClusterModel model) {
    List<Decl> nodes = model.decls().stream().filter(d -> d.kind().isLayered()).toList();
    Map<String, Edge> unique = new LinkedHashMap<>();
    for (Decl decl : nodes) {
      for (Edge edge : Needs.references(model, decl)) {
        unique.putIfAbsent(key(edge), edge);
      }
      for (Need need : Needs.capabilities(model, decl)) {
        for (Decl provider : model.providers(need.capability())) {
          if (provider != decl) {
            Edge edge = new Edge(decl, provider, need.reason(), need.span());
            unique.putIfAbsent(key(edge), edge);
          }
        }
      }
      for (App.DatabaseRead read : DatabaseReaders.foreign(model, decl)) {
        Decl database = read.database();
        for (Decl copier : model.providers(DatabaseReaders.COPIER)) {
          Edge app = new Edge(decl, copier, "reads " + database.label() + " from namespace "
              + DatabaseReaders.databaseNamespace(database), read.span());
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
      List<Edge> path = cycleThrough(start, component);
      if (path != null) {
        cycles.add(path);
      }
    }
    return cycles;
  }

  /**
   * Depth-first search, inside one component, for a path from {@code start} back to it; edges are
   * tried in order of their targets' labels. Iterative, with each declaration entered once, so a
   * cycle through tens of thousands of declarations neither overflows the stack nor takes long.
   */
  private List<Edge> cycleThrough(Decl start, Set<Decl> component) {
    List<Edge> path = new ArrayList<>();
    Set<Decl> seen = new LinkedHashSet<>();
    Deque<Iterator<Edge>> frames = new ArrayDeque<>();
    frames.push(sortedFrom(start).iterator());
    while (!frames.isEmpty()) {
      Iterator<Edge> next = frames.peek();
      if (!next.hasNext()) {
        frames.pop();
        if (!path.isEmpty()) {
          path.remove(path.size() - 1);
        }
        continue;
      }
      Edge edge = next.next();
      if (!component.contains(edge.to())) {
        continue;
      }
      if (edge.to() == start) {
        path.add(edge);
        return path;
      }
      if (seen.add(edge.to())) {
        path.add(edge);
        frames.push(sortedFrom(edge.to()).iterator());
      }
    }
    return null;
  }

  private List<Edge> sortedFrom(Decl at) {
    List<Edge> out = new ArrayList<>(from(at));
    out.sort(Comparator.comparing(e -> e.to().label()));
    return out;
  }
}
