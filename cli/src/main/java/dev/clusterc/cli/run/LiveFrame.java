package dev.clusterc.cli.run;

import dev.clusterc.cli.run.RunBoard.Row;
import dev.clusterc.cli.run.RunBoard.State;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One frame of the live view, as lines: a head line with the run's counts, then per layer a line of
 * counts and a line per unit that is being applied, waits (for what, for how long) or failed. Ready
 * and pending units are counted, not listed, so a frame stays short on a cluster of a thousand apps.
 * A pure function of a board snapshot, so tests compare frames as text.
 */
final class LiveFrame {
  /** Failed units listed per layer before the rest are counted. */
  static final int FAILED_SHOWN = 5;

  private LiveFrame() {}

  static List<String> lines(String title, RunBoard.Snapshot board, int width) {
    Map<String, List<Row>> layers = new LinkedHashMap<>();
    board.rows().forEach(r -> layers.computeIfAbsent(r.layer, l -> new ArrayList<>()).add(r));
    List<String> lines = new ArrayList<>();
    lines.add(clip(title + " · " + Words.duration(board.elapsed()) + " · " + counts(board.rows()), width));
    for (Map.Entry<String, List<Row>> layer : layers.entrySet()) {
      lines.add(clip(layer.getKey() + "  " + counts(layer.getValue()), width));
      int failed = 0;
      for (Row row : layer.getValue()) {
        if (row.state == State.FAILED && ++failed > FAILED_SHOWN) {
          continue;
        }
        String line = row(row, board);
        if (line != null) {
          lines.add(clip("  " + line, width));
        }
      }
      if (failed > FAILED_SHOWN) {
        lines.add("  … and " + (failed - FAILED_SHOWN) + " more failed");
      }
    }
    return lines;
  }

  private static String row(Row row, RunBoard.Snapshot board) {
    String name = row.title.equals(row.unit) ? row.unit : row.unit + " (" + row.title + ")";
    switch (row.state) {
      case APPLYING:
        return name + "  applying " + Words.duration(board.since(row));
      case WAITING:
        String what = row.pending.isEmpty() ? "its health gates" : PlainLog.waiting(row.pending.get(0))
            + (row.pending.size() > 1 ? " (+" + (row.pending.size() - 1) + " more)" : "");
        return name + "  waiting " + Words.duration(board.since(row)) + " for " + what;
      case FAILED:
        return name + "  FAILED: " + row.note;
      default:
        return null;
    }
  }

  private static String counts(List<Row> rows) {
    int[] by = new int[State.values().length];
    rows.forEach(r -> by[r.state.ordinal()]++);
    StringBuilder text = new StringBuilder(by[State.READY.ordinal()] + "/" + rows.size() + " ready");
    int running = by[State.APPLYING.ordinal()] + by[State.WAITING.ordinal()];
    append(text, running, "running");
    append(text, by[State.PENDING.ordinal()], "pending");
    append(text, by[State.FAILED.ordinal()], "failed");
    append(text, by[State.SKIPPED.ordinal()], "skipped");
    return text.toString();
  }

  private static void append(StringBuilder text, int count, String what) {
    if (count > 0) {
      text.append(", ").append(count).append(' ').append(what);
    }
  }

  /** At most {@code width} characters, so that no line wraps and the redraw moves up by whole lines. */
  private static String clip(String line, int width) {
    return line.length() <= width ? line : line.substring(0, Math.max(0, width - 1)) + "…";
  }
}
