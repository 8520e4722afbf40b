package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.types.Cron;
import dev.clusterc.compiler.types.LiteralException;
import java.util.function.Consumer;

/**
 * A backup's {@code schedule} is a five-field cron expression ({@link Cron}), which every backup
 * tool reads; a malformed one is {@code invalid-value} with the parser's own message and hint. A
 * {@code keep} count is 0 or more.
 */
public final class BackupScheduleChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    Written.each(program, Kind.BACKUP, reportAll, (decl, body, exempt, report) -> {
      body.typed("schedule", Typed.Str.class).ifPresent(schedule -> {
        try {
          Cron.parse(schedule.value());
        } catch (LiteralException e) {
          report.accept(Diagnostic.error(Code.INVALID_VALUE, schedule.span(), e.message()).withHint(e.hint()));
        }
      });
      body.typed("keep", Typed.Entries.class).ifPresent(keep -> keep.values().forEach((key, count) -> {
        if (count instanceof Typed.Int n && n.value() < 0) {
          report.accept(Diagnostic.error(Code.INVALID_VALUE, n.span(),
              "`keep` of " + decl.label() + " has " + key + " " + n.value() + "; a count is 0 or more"));
        }
      }));
    });
  }
}
