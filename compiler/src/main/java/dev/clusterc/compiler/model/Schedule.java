package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.Cron;
import dev.clusterc.compiler.types.LiteralException;

/**
 * A backup policy's {@code schedule}, parsed once: the checker reports a malformed one from here,
 * the retention check asks the {@link Cron} how often it runs, and the emitters write it in the
 * notation each tool reads (VolSync's numbers, CloudNativePG's six fields).
 *
 * @param text the schedule as written
 * @param span where it was written
 * @param cron the parsed schedule, or {@code null} when it is malformed
 * @param malformed why it could not be read, or {@code null}
 */
public record Schedule(String text, SourceSpan span, Cron cron, LiteralException malformed) {

  static Schedule of(Typed.Str written) {
    try {
      return new Schedule(written.value(), written.span(), Cron.parse(written.value()), null);
    } catch (LiteralException e) {
      return new Schedule(written.value(), written.span(), null, e);
    }
  }

  public boolean valid() {
    return cron != null;
  }
}
