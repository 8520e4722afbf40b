package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The members of the set, one record per object, in apply order: what the parent's data holds.
 *
 * <p>Stored as text, one line per record, fields separated by tabs (no Kubernetes name, kind or group
 * holds a tab or a newline): {@code UNIT-POSITION OBJECT-POSITION UNIT GROUP KIND NAMESPACE NAME}, the
 * group empty for the core group and the namespace empty for a cluster-scoped object. About 50 bytes
 * a record, so a thousand apps of eight objects stay far below a ConfigMap's 1 MiB.
 */
public record InventoryRecords(List<InventoryRecord> records) {
  /** The first line of the stored text, naming the format. */
  static final String HEADER = "# clusterc inventory v1: UNIT-POSITION OBJECT-POSITION UNIT GROUP KIND NAMESPACE NAME";
  /** No records. */
  public static final InventoryRecords EMPTY = new InventoryRecords(List.of());

  public InventoryRecords {
    Map<ObjectId, InventoryRecord> byId = new LinkedHashMap<>();
    for (InventoryRecord record : records) {
      if (byId.putIfAbsent(record.object(), record) != null) {
        throw new IllegalArgumentException(record.object() + " is recorded twice");
      }
    }
    records = byId.values().stream().sorted(InventoryRecord.APPLY_ORDER).toList();
  }

  /** A record for every object of {@code graph}, positioned as the graph orders them. */
  public static InventoryRecords of(UnitGraph graph) {
    List<InventoryRecord> records = new ArrayList<>();
    List<Unit> units = graph.units();
    for (int u = 0; u < units.size(); u++) {
      List<ObjectId> ids = units.get(u).objectIds();
      for (int o = 0; o < ids.size(); o++) {
        records.add(new InventoryRecord(ids.get(o), units.get(u).name(), u, o));
      }
    }
    return new InventoryRecords(records);
  }

  /** These records and {@code newer}'s; where both record an object, {@code newer}'s record wins. */
  public InventoryRecords union(InventoryRecords newer) {
    Map<ObjectId, InventoryRecord> byId = new LinkedHashMap<>();
    records.forEach(r -> byId.put(r.object(), r));
    newer.records.forEach(r -> byId.put(r.object(), r));
    return new InventoryRecords(List.copyOf(byId.values()));
  }

  /** The records {@code keep} accepts. */
  public InventoryRecords filter(Predicate<InventoryRecord> keep) {
    return new InventoryRecords(records.stream().filter(keep).toList());
  }

  /** The recorded objects. */
  public Set<ObjectId> ids() {
    return records.stream().map(InventoryRecord::object).collect(Collectors.toCollection(TreeSet::new));
  }

  public boolean isEmpty() {
    return records.isEmpty();
  }

  /** The members' kinds as {@code Kind.group}, sorted: the contains-group-kinds annotation's entries. */
  public List<String> groupKinds() {
    return records.stream().map(r -> r.object().groupKind()).distinct().sorted().toList();
  }

  /** The namespaces holding namespaced members, sorted. */
  public List<String> namespaces() {
    return records.stream().map(r -> r.object().namespace()).filter(ns -> ns != null).distinct().sorted().toList();
  }

  /** The stored text: {@link #HEADER}, then one line per record in apply order. */
  public String format() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (InventoryRecord r : records) {
      ObjectId id = r.object();
      text.append(r.unitPosition()).append('\t').append(r.objectPosition()).append('\t').append(r.unit())
          .append('\t').append(id.group()).append('\t').append(id.kind())
          .append('\t').append(id.namespace() == null ? "" : id.namespace()).append('\t').append(id.name())
          .append('\n');
    }
    return text.toString();
  }

  /** Reads {@link #format()}'s text; a line it cannot read is an {@link InventoryException} naming it. */
  public static InventoryRecords parse(String text) {
    List<InventoryRecord> records = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 7 || f[2].isEmpty() || f[4].isEmpty() || f[6].isEmpty()) {
        throw unreadable(i, "expected 7 tab-separated fields, found " + f.length);
      }
      try {
        records.add(new InventoryRecord(new ObjectId(f[3], f[4], f[5], f[6]), f[2],
            Integer.parseInt(f[0]), Integer.parseInt(f[1])));
      } catch (IllegalArgumentException e) {
        throw unreadable(i, e.getMessage());
      }
    }
    try {
      return new InventoryRecords(records);
    } catch (IllegalArgumentException e) {
      throw new InventoryException("the inventory cannot be read (" + e.getMessage() + "): remove the duplicate"
          + " line in the parent ConfigMap");
    }
  }

  private static InventoryException unreadable(int index, String why) {
    return new InventoryException("the inventory's line " + (index + 1) + " cannot be read (" + why
        + "): fix or remove that line in the parent ConfigMap, or delete the parent to start a new inventory"
        + " (prune then forgets everything applied before)");
  }

  /** Records of {@code records} only. */
  public static InventoryRecords of(Collection<InventoryRecord> records) {
    return new InventoryRecords(List.copyOf(records));
  }
}
