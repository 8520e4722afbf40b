package dev.clusterc.cli.run;

import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Where a run stands, unit by unit, made from its events: what the live view draws. Every unit of
 * the graph is on it from the start (pending), so the view shows what is still to come. Times come
 * from a clock given in (nanoseconds), so a test drives them.
 */
final class RunBoard {
  enum State { PENDING, APPLYING, WAITING, READY, FAILED, SKIPPED }

  /** One unit's line. */
  static final class Row {
    final String unit;
    final String layer;
    final String title;
    State state = State.PENDING;
    long since;
    String note = "";
    List<RunEvent.Waiting> pending = List.of();
    final Map<Change, Integer> changes = new EnumMap<>(Change.class);

    Row(String unit, String layer, String title) {
      this.unit = unit;
      this.layer = layer;
      this.title = title;
    }
  }

  private final Map<String, Row> rows = new LinkedHashMap<>();
  private final LongSupplier nanos;
  private final long start;
  private RunEvent.Finished finished;

  RunBoard(UnitGraph graph, LongSupplier nanos) {
    this.nanos = nanos;
    this.start = nanos.getAsLong();
    for (Unit unit : graph.units()) {
      rows.put(unit.name(), new Row(unit.name(), unit.layer(), unit.title()));
    }
  }

  synchronized void on(RunEvent event) {
    long now = nanos.getAsLong();
    if (event instanceof RunEvent.Finished f) {
      finished = f;
      return;
    }
    String unit = unitOf(event);
    Row row = rows.computeIfAbsent(unit, u -> new Row(u, "", u));
    if (event instanceof RunEvent.UnitStarted) {
      move(row, State.APPLYING, now, "");
    } else if (event instanceof RunEvent.ObjectDone e) {
      row.changes.merge(e.change(), 1, Integer::sum);
    } else if (event instanceof RunEvent.UnitWaiting e) {
      if (row.state != State.WAITING) {
        move(row, State.WAITING, now, "");
      }
      row.pending = List.copyOf(e.pending());
    } else if (event instanceof RunEvent.UnitReady e) {
      move(row, State.READY, now, Words.duration(e.elapsed()));
      row.pending = List.of();
    } else if (event instanceof RunEvent.UnitFailed e) {
      move(row, State.FAILED, now, e.reason());
    } else if (event instanceof RunEvent.UnitSkipped e) {
      move(row, State.SKIPPED, now, e.because());
    }
  }

  private static void move(Row row, State state, long now, String note) {
    row.state = state;
    row.since = now;
    row.note = note;
  }

  private static String unitOf(RunEvent event) {
    if (event instanceof RunEvent.UnitStarted e) {
      return e.unit();
    }
    if (event instanceof RunEvent.ObjectDone e) {
      return e.unit();
    }
    if (event instanceof RunEvent.UnitWaiting e) {
      return e.unit();
    }
    if (event instanceof RunEvent.UnitReady e) {
      return e.unit();
    }
    if (event instanceof RunEvent.UnitFailed e) {
      return e.unit();
    }
    return ((RunEvent.UnitSkipped) event).unit();
  }

  /** A copy of the rows in graph order, and the time they were read at. */
  synchronized Snapshot snapshot() {
    List<Row> copy = new ArrayList<>();
    for (Row row : rows.values()) {
      Row r = new Row(row.unit, row.layer, row.title);
      r.state = row.state;
      r.since = row.since;
      r.note = row.note;
      r.pending = row.pending;
      r.changes.putAll(row.changes);
      copy.add(r);
    }
    return new Snapshot(copy, nanos.getAsLong(), start, finished);
  }

  /** The board at one instant. */
  record Snapshot(List<Row> rows, long now, long start, RunEvent.Finished finished) {
    Duration since(Row row) {
      return Duration.ofNanos(now - row.since);
    }

    Duration elapsed() {
      return Duration.ofNanos(now - start);
    }
  }
}
