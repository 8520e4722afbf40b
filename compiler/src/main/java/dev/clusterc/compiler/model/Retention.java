package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A backup policy's {@code keep { hourly: N, daily: N, weekly: N, monthly: N }}: how many copies of
 * each period to keep. Restic keeps them by count, Barman by the longest window they cover, and
 * the retention check compares them with the schedule.
 *
 * @param span the whole {@code keep} entry
 * @param counts the counts written, by period, in period order
 * @param complete whether every key written has a well-typed count (a wrong one was reported)
 */
public record Retention(SourceSpan span, Map<Period, Count> counts, boolean complete) {

  /** A period of {@code keep}, shortest first. */
  public enum Period {
    HOURLY, DAILY, WEEKLY, MONTHLY;

    /** The key as written in {@code keep}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One count, where its key and its value were written. */
  public record Count(long value, SourceSpan keySpan, SourceSpan valueSpan) {}

  public Retention {
    counts = Collections.unmodifiableMap(counts);
  }

  static Retention of(BoundEntry keep) {
    Map<Period, Count> counts = new EnumMap<>(Period.class);
    if (!(keep.value() instanceof Typed.Entries entries)) {
      return new Retention(keep.entry().span(), counts, false);
    }
    for (Period period : Period.values()) {
      if (entries.values().get(period.key()) instanceof Typed.Int count) {
        counts.put(period, new Count(count.value(), entries.keySpans().get(period.key()), count.span()));
      }
    }
    return new Retention(keep.entry().span(), counts, entries.values().size() >= entries.keySpans().size());
  }

  /** The count of a period, or 0 when {@code keep} does not name it. */
  public long count(Period period) {
    Count count = counts.get(period);
    return count == null ? 0 : count.value();
  }

  /** Whether every count is 0, or none is written: nothing is kept. */
  public boolean keepsNothing() {
    return counts.values().stream().allMatch(c -> c.value() == 0);
  }
}
