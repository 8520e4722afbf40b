package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.schema.Property;
import dev.clusterc.compiler.schema.Schemas;
import dev.clusterc.compiler.types.Cron;
import dev.clusterc.compiler.types.LiteralException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@code backup-retention}: a backup's {@code keep} must be fillable by its schedule (24 hourly
 * copies need a schedule that runs every hour) and must keep something. A malformed schedule is
 * reported as {@code invalid-value} elsewhere and skipped here.
 */
public final class RetentionChecker implements Checker {
  /** A {@code keep} key, what the schedule must do to fill it, and a schedule that would. */
  private record Period(String key, String every, Predicate<Cron> fills, String example) {}

  private static final Period[] PERIODS = {
      new Period("hourly", "every hour", Cron::firesEveryHour, "0 * * * *"),
      new Period("daily", "every day", Cron::firesEveryDay, "0 3 * * *"),
      new Period("weekly", "every week", Cron::firesEveryWeek, "0 3 * * 0"),
      new Period("monthly", "every month", Cron::firesEveryMonth, "0 3 1 * *"),
  };

  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    for (Decl backup : program.decls(Kind.BACKUP)) {
      Optional<BoundEntry> keep = backup.body().first("keep");
      if (keep.isEmpty()) {
        if (!keepRequired()) {
          report.accept(Diagnostic.warning(Code.BACKUP_RETENTION, backup.site(), backup.label() + " has no `keep`: it keeps nothing")
              .withHint("add `keep { daily: 7, weekly: 4 }`"));
        }
        continue;
      }
      if (!(keep.get().value() instanceof Typed.Entries counts) || counts.values().size() < counts.keySpans().size()) {
        continue;
      }
      if (counts.values().values().stream().allMatch(v -> v instanceof Typed.Int i && i.value() == 0)) {
        report.accept(Sites.placed(program, backup, Diagnostic.warning(Code.BACKUP_RETENTION, keep.get().entry().span(),
                backup.label() + " keeps nothing: " + (counts.values().isEmpty() ? "`keep` is empty" : "every count in `keep` is 0"))
            .withHint("keep at least one copy, e.g. `keep { daily: 7, weekly: 4 }`")));
        continue;
      }
      backup.body().typed("schedule", Typed.Str.class).ifPresent(schedule -> unfillable(program, backup, schedule, counts, report));
    }
  }

  private void unfillable(Program program, Decl backup, Typed.Str schedule, Typed.Entries counts, Consumer<Diagnostic> report) {
    Cron cron;
    try {
      cron = Cron.parse(schedule.value());
    } catch (LiteralException malformed) { // reported as invalid-value where schedules are read
      return;
    }
    for (Period period : PERIODS) {
      Typed count = counts.values().get(period.key());
      if (!(count instanceof Typed.Int n) || n.value() == 0 || period.fills().test(cron)) {
        continue;
      }
      report.accept(Sites.placed(program, backup, Diagnostic.warning(Code.BACKUP_RETENTION, counts.keySpans().get(period.key()),
              backup.label() + " keeps " + n.value() + " " + period.key() + (n.value() == 1 ? " copy" : " copies") + ", but its schedule `" + schedule.value()
                  + "` does not run " + period.every())
          .withHint("drop `" + period.key() + "`, or run it " + period.every() + " (e.g. `" + period.example() + "`)")
          .withRelated(Sites.editable(program, backup, schedule.span()), "scheduled here")));
    }
  }

  /** Whether a missing {@code keep} is already {@code missing-property}, as the reference has it. */
  private static boolean keepRequired() {
    return Schemas.of(Kind.BACKUP).property("keep").map(Property::required).orElse(false);
  }
}
