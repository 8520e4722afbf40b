package dev.clusterc.compiler.program;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.graph.Edge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Draws a cluster's dependency graph grouped by layer, as Mermaid or Graphviz DOT text. Layers are
 * drawn highest first, so that edges (which point down the ladder) read from top to bottom; nodes
 * and edges are sorted, so the same cluster always gives the same text.
 */
public final class GraphRenderer {
  private GraphRenderer() {}

  public static String mermaid(Program program) {
    StringBuilder out = new StringBuilder("flowchart TB\n");
    for (String layer : layersHighestFirst(program)) {
      List<Decl> members = members(program, layer);
      if (members.isEmpty()) {
        continue;
      }
      out.append("  subgraph ").append(id("layer " + layer)).append("[\"").append(layer).append("\"]\n");
      for (Decl decl : members) {
        out.append("    ").append(id(decl.label())).append("[\"").append(decl.label()).append("\"]\n");
      }
      out.append("  end\n");
    }
    for (Edge edge : edges(program)) {
      out.append("  ").append(id(edge.from().label())).append(" -->|").append(edge.reason()).append("| ")
          .append(id(edge.to().label())).append('\n');
    }
    return out.toString();
  }

  public static String dot(Program program) {
    String name = program.cluster().map(Decl::name).orElse("cluster");
    StringBuilder out = new StringBuilder("digraph ").append(quote(name)).append(" {\n")
        .append("  rankdir=TB;\n  node [shape=box, fontname=\"Helvetica\"];\n");
    for (String layer : layersHighestFirst(program)) {
      List<Decl> members = members(program, layer);
      if (members.isEmpty()) {
        continue;
      }
      out.append("  subgraph ").append(quote("cluster_" + layer)).append(" {\n")
          .append("    label=").append(quote(layer)).append(";\n");
      for (Decl decl : members) {
        out.append("    ").append(quote(decl.label())).append(";\n");
      }
      out.append("  }\n");
    }
    for (Edge edge : edges(program)) {
      out.append("  ").append(quote(edge.from().label())).append(" -> ").append(quote(edge.to().label()))
          .append(" [label=").append(quote(edge.reason())).append("];\n");
    }
    return out.append("}\n").toString();
  }

  private static List<String> layersHighestFirst(Program program) {
    List<String> layers = new ArrayList<>(program.ladder());
    java.util.Collections.reverse(layers);
    return layers;
  }

  private static List<Decl> members(Program program, String layer) {
    return program.graph().nodes().stream().filter(d -> layer.equals(d.layer()))
        .sorted(Comparator.comparing(Decl::label)).toList();
  }

  private static List<Edge> edges(Program program) {
    return program.graph().edges().stream()
        .sorted(Comparator.comparing((Edge e) -> e.from().label()).thenComparing(e -> e.to().label()))
        .toList();
  }

  /** A Mermaid node id: letters, digits and underscores only. */
  private static String id(String label) {
    return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
