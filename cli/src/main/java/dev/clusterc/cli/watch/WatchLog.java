package dev.clusterc.cli.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterc.cli.run.Words;
import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.watch.WatchEvent;
import dev.clusterc.runtime.watch.WatchListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log of a watching apply: one line per {@link WatchEvent} and per {@link RunEvent} that writes
 * or fails, on standard output, flushed at once. {@code text} lines read as
 * {@code 2026-12-06T08:00:00Z reconciled r=abc123def456 created=1 …} (a level word before the event
 * when it is not info); {@code json} lines carry {@code time}, {@code level}, {@code event} and the
 * event's fields (durations as {@code …Ms}, full revisions). Events carry no Secret data, so neither
 * does the log.
 */
public final class WatchLog implements WatchListener, RunListener {
  /** How lines are written. */
  public enum Format { text, json }

  /** How many diagnostics a text line quotes; JSON lines carry them all. */
  static final int QUOTED = 5;
  private static final int SHORT_REVISION = 12;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter out;
  private final Format format;
  private final Clock clock;

  public WatchLog(PrintWriter out, Format format, Clock clock) {
    this.out = out;
    this.format = format;
    this.clock = clock;
  }

  @Override
  public void on(WatchEvent event) {
    write(entry(event));
  }

  @Override
  public void on(RunEvent event) {
    Entry entry = entry(event);
    if (entry != null) {
      write(entry);
    }
  }

  /** A line of the watch itself (started, stopping, a status server address); {@code fields} in order. */
  public void note(String level, String event, Map<String, Object> fields) {
    write(new Entry(level, event, new LinkedHashMap<>(fields)));
  }

  private synchronized void write(Entry entry) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    out.println(format == Format.json ? json(now, entry) : text(now, entry));
    out.flush();
  }

  /** One line's content: its level ({@code info}, {@code warn}, {@code error}), its event word, its fields in order. */
  record Entry(String level, String event, Map<String, Object> fields) {}

  static Entry entry(WatchEvent event) {
    Map<String, Object> f = new LinkedHashMap<>();
    if (event instanceof WatchEvent.SourceRejected e) {
      f.put("revision", e.revision());
      f.put("errors", e.diagnostics().size());
      f.put("diagnostics", e.diagnostics());
      return new Entry("warn", "source-rejected", f);
    }
    if (event instanceof WatchEvent.SourceUnavailable e) {
      f.put("origin", e.origin());
      f.put("reason", e.reason());
      f.put("retryIn", e.retryIn());
      return new Entry("warn", "source-unavailable", f);
    }
    if (event instanceof WatchEvent.Reconciled e) {
      f.put("revision", e.revision());
      f.put("created", e.created());
      f.put("configured", e.configured());
      f.put("unchanged", e.unchanged());
      f.put("pruned", e.pruned());
      f.put("took", e.took());
      if (!e.ok()) {
        f.put("error", e.error());
      }
      return new Entry(e.ok() ? "info" : "error", e.ok() ? "reconciled" : "reconcile-failed", f);
    }
    if (event instanceof WatchEvent.DriftHealed e) {
      f.put("object", e.object());
      f.put("fields", e.fields());
      f.put("manager", e.manager());
      f.put("latency", e.latency());
      return new Entry("info", "drift-healed", f);
    }
    if (event instanceof WatchEvent.Recreated e) {
      f.put("object", e.object());
      f.put("latency", e.latency());
      return new Entry("info", "recreated", f);
    }
    if (event instanceof WatchEvent.HealBackOff e) {
      f.put("object", e.object());
      f.put("fields", e.fields());
      f.put("manager", e.manager());
      f.put("attempts", e.attempts());
      f.put("retryIn", e.retryIn());
      return new Entry("warn", "heal-backoff", f);
    }
    if (event instanceof WatchEvent.HealFailed e) {
      f.put("object", e.object());
      f.put("reason", e.reason());
      return new Entry("warn", "heal-failed", f);
    }
    if (event instanceof WatchEvent.ResyncFailed e) {
      f.put("kind", e.kind());
      f.put("reason", e.reason());
      return new Entry("warn", "resync-failed", f);
    }
    if (event instanceof WatchEvent.Suspension e) {
      return new Entry("info", e.suspended() ? "suspended" : "resumed", f);
    }
    if (event instanceof WatchEvent.Managed e) {
      f.put("objects", e.objects());
      return new Entry("info", "managed", f);
    }
    if (event instanceof WatchEvent.Leadership e) {
      f.put("identity", e.identity());
      return new Entry("info", e.leading() ? "leading" : "standby", f);
    }
    f.put("detail", event.toString());
    return new Entry("info", kebab(event.getClass().getSimpleName()), f);
  }

  /** {@code HealFailed} as {@code heal-failed}: the event word of a kind this log has no line of its own for. */
  static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** The entry of a run event worth a line: a write, a failed or skipped unit; {@code null} otherwise. */
  static Entry entry(RunEvent event) {
    Map<String, Object> f = new LinkedHashMap<>();
    if (event instanceof RunEvent.ObjectDone e && e.change().writes()) {
      f.put("unit", e.unit());
      f.put("object", e.object());
      f.put("change", Words.change(e.change()));
      if (!e.detail().isEmpty()) {
        f.put("detail", e.detail());
      }
      return new Entry("info", "object", f);
    }
    if (event instanceof RunEvent.UnitFailed e) {
      f.put("unit", e.unit());
      f.put("reason", e.reason());
      return new Entry("error", "unit-failed", f);
    }
    if (event instanceof RunEvent.UnitSkipped e) {
      f.put("unit", e.unit());
      f.put("because", e.because());
      return new Entry("warn", "unit-skipped", f);
    }
    return null;
  }

  static String text(Instant time, Entry entry) {
    StringBuilder line = new StringBuilder(time.toString()).append(' ');
    if (!entry.level().equals("info")) {
      line.append(entry.level().toUpperCase(java.util.Locale.ROOT)).append(' ');
    }
    line.append(entry.event());
    entry.fields().forEach((key, value) -> {
      if (value != null) {
        line.append(' ').append(key.equals("revision") ? "r" : key).append('=').append(textValue(key, value));
      }
    });
    return line.toString();
  }

  private static String textValue(String key, Object value) {
    if (value instanceof Duration d) {
      return Words.duration(d);
    }
    if (value instanceof List<?> list) {
      String shown = String.join(" | ", list.stream().limit(QUOTED).map(String::valueOf).toList())
          + (list.size() > QUOTED ? " | and " + (list.size() - QUOTED) + " more" : "");
      return quoted(shown);
    }
    if (value instanceof ObjectId id) {
      return quoted(id.toString());
    }
    String text = String.valueOf(value);
    if (key.equals("revision")) {
      text = shortRevision(text);
    }
    return quoted(text);
  }

  /** A commit id's first 12 characters, a content hash's {@code sha256:} and its first 12. */
  static String shortRevision(String revision) {
    String prefix = revision.startsWith("sha256:") ? "sha256:" : "";
    String hash = revision.substring(prefix.length());
    return prefix + (hash.length() > SHORT_REVISION ? hash.substring(0, SHORT_REVISION) : hash);
  }

  /** A value as it stands, or in double quotes (with {@code \"} and {@code \\}) when it has a space, a quote or an equals sign. */
  private static String quoted(String text) {
    boolean plain = !text.isEmpty() && text.chars().noneMatch(c -> c == ' ' || c == '"' || c == '=' || c < 0x20);
    if (plain) {
      return text;
    }
    StringBuilder q = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\t' -> q.append("\\t");
        default -> q.append(c < 0x20 ? ' ' : c);
      }
    }
    return q.append('"').toString();
  }

  static String json(Instant time, Entry entry) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", time.toString());
    line.put("level", entry.level());
    line.put("event", entry.event());
    entry.fields().forEach((key, value) -> {
      if (value instanceof Duration d) {
        line.put(key + "Ms", d.toMillis());
      } else if (value instanceof ObjectId id) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("group", id.group());
        object.put("kind", id.kind());
        object.put("namespace", id.namespace());
        object.put("name", id.name());
        line.put(key, object);
      } else {
        line.put(key, value);
      }
    });
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a log line of strings, numbers and lists did not serialise", e);
    }
  }
}
