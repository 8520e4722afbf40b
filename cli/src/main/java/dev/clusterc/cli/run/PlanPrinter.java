package dev.clusterc.cli.run;

import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as people and tools read it: per layer and unit, the objects created, configured (with
 * the unified diff of the fields clusterc manages), re-created and pruned; unchanged objects
 * counted; then the consequences and a closing count. Made from the plan's
 * {@link RunEvent.ObjectDone} events and its {@link PlanResult}; an object pruned from a unit the
 * sources no longer declare is listed under that unit's name.
 */
public final class PlanPrinter {
  private final UnitGraph graph;
  private final Map<String, List<RunEvent.ObjectDone>> byUnit = new LinkedHashMap<>();
  private final PlanResult result;
  private final Map<Change, Integer> totals = new EnumMap<>(Change.class);

  public PlanPrinter(UnitGraph graph, List<RunEvent> events, PlanResult result) {
    this.graph = graph;
    this.result = result;
    graph.units().forEach(u -> byUnit.put(u.name(), new ArrayList<>()));
    for (RunEvent event : events) {
      if (event instanceof RunEvent.ObjectDone done) {
        byUnit.computeIfAbsent(done.unit(), u -> new ArrayList<>()).add(done);
        totals.merge(done.change(), 1, Integer::sum);
      }
    }
  }

  /** Whether applying would write anything: diff's exit 1. */
  public boolean changes() {
    return totals.keySet().stream().anyMatch(Change::writes);
  }

  public String text() {
    StringBuilder out = new StringBuilder("Plan for cluster " + graph.cluster() + " (server-side dry run; nothing was written)\n");
    String layer = null;
    for (Map.Entry<String, List<RunEvent.ObjectDone>> entry : byUnit.entrySet()) {
      List<RunEvent.ObjectDone> objects = entry.getValue();
      if (objects.stream().noneMatch(o -> o.change() != Change.UNCHANGED)) {
        continue;
      }
      Unit unit = unitOrNull(entry.getKey());
      String unitLayer = unit == null ? "(no longer declared)" : unit.layer();
      if (!unitLayer.equals(layer)) {
        layer = unitLayer;
        out.append("\nlayer ").append(layer).append('\n');
      }
      out.append("  ").append(entry.getKey()).append(unit == null || unit.declaration() == null ? "" : " (" + unit.declaration() + ")")
          .append('\n');
      int unchanged = 0;
      for (RunEvent.ObjectDone done : objects) {
        if (done.change() == Change.UNCHANGED) {
          unchanged++;
          continue;
        }
        out.append("    ").append(sign(done.change())).append(' ').append(done.object()).append("  ")
            .append(Words.change(done.change())).append(done.detail().isEmpty() ? "" : " (" + done.detail() + ")").append('\n');
        String diff = result.diffs().get(done.object());
        if (diff != null && !diff.isEmpty()) {
          diff.lines().forEach(l -> out.append("        ").append(l).append('\n'));
        }
      }
      if (unchanged > 0) {
        out.append("    = ").append(unchanged).append(" unchanged\n");
      }
    }
    if (!result.consequences().isEmpty()) {
      out.append("\nConsequences (apply refuses them without an explicit flag):\n");
      result.consequences().forEach(c -> out.append("  ! ").append(c).append('\n'));
    }
    out.append('\n').append(summary()).append('\n');
    return out.toString();
  }

  /** {@code 2 to create, 1 to configure, 0 to re-create, 40 unchanged, 1 to prune, 0 kept}, or that nothing changes. */
  String summary() {
    if (!changes()) {
      return "No changes: the cluster is as declared (" + count(Change.UNCHANGED) + " objects unchanged).";
    }
    return count(Change.CREATED) + " to create, " + count(Change.CONFIGURED) + " to configure, " + count(Change.RECREATED)
        + " to re-create, " + count(Change.PRUNED) + " to prune, " + count(Change.UNCHANGED) + " unchanged"
        + (count(Change.KEPT) > 0 ? ", " + count(Change.KEPT) + " kept" : "") + ".";
  }

  /** The plan as one JSON document (fields in docs/cli.md). */
  public String json() {
    List<String> units = new ArrayList<>();
    for (Map.Entry<String, List<RunEvent.ObjectDone>> entry : byUnit.entrySet()) {
      Unit unit = unitOrNull(entry.getKey());
      List<String> objects = entry.getValue().stream().map(done -> "{\"object\":" + Json.object(done.object())
          + ",\"change\":" + Json.change(done.change()) + ",\"detail\":" + Json.string(done.detail()) + ",\"diff\":"
          + Json.string(result.diffs().getOrDefault(done.object(), "")) + "}").toList();
      units.add("{\"name\":" + Json.string(entry.getKey()) + ",\"layer\":" + Json.string(unit == null ? null : unit.layer())
          + ",\"declaration\":" + Json.string(unit == null ? null : unit.declaration()) + ",\"objects\":" + Json.array(objects) + "}");
    }
    StringBuilder totalsJson = new StringBuilder("{");
    for (Change change : Change.values()) {
      totalsJson.append(change == Change.values()[0] ? "" : ",").append(Json.change(change)).append(':').append(count(change));
    }
    totalsJson.append('}');
    return "{\"cluster\":" + Json.string(graph.cluster()) + ",\"changes\":" + changes() + ",\"totals\":" + totalsJson
        + ",\"units\":" + Json.array(units) + ",\"consequences\":"
        + Json.array(result.consequences().stream().map(Json::string).toList()) + "}\n";
  }

  private int count(Change change) {
    return totals.getOrDefault(change, 0);
  }

  private Unit unitOrNull(String name) {
    return graph.units().stream().filter(u -> u.name().equals(name)).findFirst().orElse(null);
  }

  private static char sign(Change change) {
    switch (change) {
      case CREATED:
        return '+';
      case CONFIGURED:
        return '~';
      case RECREATED:
        return '!';
      case PRUNED:
        return '-';
      default:
        return ' ';
    }
  }
}
