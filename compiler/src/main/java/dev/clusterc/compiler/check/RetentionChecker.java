package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.Retention.Period;
import dev.clusterc.compiler.model.Retention;
import dev.clusterc.compiler.model.Schedule;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.schema.Property;
import dev.clusterc.compiler.schema.Schemas;
import dev.clusterc.compiler.types.Cron;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@code backup-retention}: a backup's {@code keep} must be fillable by its schedule (24 hourly
 * copies need a schedule that runs every hour) and must keep something. A malformed schedule is
 * reported as {@code invalid-value} elsewhere and skipped here.
 */
public final class RetentionChecker implements Checker {
  /** What the schedule must do to fill a period, and a schedule that would. */
  private record Fill(String every, Predicate<Cron> fills, String example) {}

  private static final Map<Period, Fill> FILLS = Map.of(
      Period.HOURLY, new Fill("every hour", Cron::firesEveryHour, "0 * * * *"),
      Period.DAILY, new Fill("every day", Cron::firesEveryDay, "0 3 * * *"),
      Period.WEEKLY, new Fill("every week", Cron::firesEveryWeek, "0 3 * * 0"),
      Period.MONTHLY, new Fill("every month", Cron::firesEveryMonth, "0 3 1 * *"));

  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    for (Decl decl : program.decls(Kind.BACKUP)) {
      Backup backup = Backup.of(program.model(), decl);
      Retention keep = backup.keep();
      if (keep == null) {
        if (!keepRequired()) {
          report.accept(Diagnostic.warning(Code.BACKUP_RETENTION, decl.site(), decl.label() + " has no `keep`: it keeps nothing")
              .withHint("add `keep { daily: 7, weekly: 4 }`"));
        }
        continue;
      }
      if (!keep.complete()) {
        continue;
      }
      if (keep.keepsNothing()) {
        report.accept(Sites.placed(program, decl, Diagnostic.warning(Code.BACKUP_RETENTION, keep.span(),
                decl.label() + " keeps nothing: " + (keep.counts().isEmpty() ? "`keep` is empty" : "every count in `keep` is 0"))
            .withHint("keep at least one copy, e.g. `keep { daily: 7, weekly: 4 }`")));
        continue;
      }
      if (backup.schedule() != null && backup.schedule().valid()) {
        unfillable(program, decl, backup.schedule(), keep, report);
      }
    }
  }

  private void unfillable(Program program, Decl backup, Schedule schedule, Retention keep, Consumer<Diagnostic> report) {
    keep.counts().forEach((period, count) -> {
      Fill fill = FILLS.get(period);
      if (count.value() == 0 || fill.fills().test(schedule.cron())) {
        return;
      }
      report.accept(Sites.placed(program, backup, Diagnostic.warning(Code.BACKUP_RETENTION, count.keySpan(),
              backup.label() + " keeps " + count.value() + " " + period.key() + (count.value() == 1 ? " copy" : " copies")
                  + ", but its schedule `" + schedule.text() + "` does not run " + fill.every())
          .withHint("drop `" + period.key() + "`, or run it " + fill.every() + " (e.g. `" + fill.example() + "`)")
          .withRelated(Sites.editable(program, backup, schedule.span()), "scheduled here")));
    });
  }

  /** Whether a missing {@code keep} is already {@code missing-property}, as the reference has it. */
  private static boolean keepRequired() {
    return Schemas.of(Kind.BACKUP).property("keep").map(Property::required).orElse(false);
  }
}
