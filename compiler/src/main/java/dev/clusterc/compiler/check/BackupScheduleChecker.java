package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.Schedule;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.types.Cron;
import java.util.function.Consumer;

/**
 * A backup's {@code schedule} is a five-field cron expression ({@link Cron}, parsed once into the
 * {@link Backup} record), which every backup tool reads; a malformed one is {@code invalid-value}
 * with the parser's own message and hint. A
 * {@code keep} count is 0 or more.
 */
public final class BackupScheduleChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.BACKUP, reportAll, (decl, exempt, report) -> {
      Backup backup = Backup.of(program.model(), decl);
      Schedule schedule = backup.schedule();
      if (schedule != null && !schedule.valid()) {
        report.accept(Diagnostic.error(Code.INVALID_VALUE, schedule.span(), schedule.malformed().message())
            .withHint(schedule.malformed().hint()));
      }
      if (backup.keep() != null) {
        backup.keep().counts().forEach((period, count) -> {
          if (count.value() < 0) {
            report.accept(Diagnostic.error(Code.INVALID_VALUE, count.valueSpan(),
                "`keep` of " + decl.label() + " has " + period.key() + " " + count.value() + "; a count is 0 or more"));
          }
        });
      }
    });
  }
}
