package dev.clusterc.cli.run;

import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/**
 * The progress of a run when the output is not a terminal (a pipe, a CI log): one line per event
 * that matters, flushed at once. Objects found unchanged are counted in the closing line, not
 * listed, so a no-op run over a thousand apps prints a few lines per unit.
 */
public final class PlainLog implements RunListener {
  /** How many pending objects a waiting line names; the rest are counted (JSON events carry them all). */
  private static final int NAMED = 3;

  private final PrintWriter out;

  public PlainLog(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void on(RunEvent event) {
    String line = line(event);
    if (line != null) {
      out.println(line);
      out.flush();
    }
  }

  /** The line of one event, or {@code null} when it is not worth one. */
  static String line(RunEvent event) {
    if (event instanceof RunEvent.UnitStarted e) {
      return e.unit() + ": applying (layer " + e.layer() + ")";
    }
    if (event instanceof RunEvent.ObjectDone e) {
      if (!e.change().writes() && e.detail().isEmpty()) {
        return null;
      }
      return e.unit() + ": " + e.object() + " " + Words.change(e.change()) + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")");
    }
    if (event instanceof RunEvent.UnitWaiting e) {
      int more = e.pending().size() - NAMED;
      return e.unit() + ": waiting " + Words.duration(e.elapsed()) + " for " + e.pending().stream().limit(NAMED)
          .map(PlainLog::waiting).collect(Collectors.joining("; ")) + (more > 0 ? "; and " + more + " more" : "");
    }
    if (event instanceof RunEvent.UnitReady e) {
      return e.unit() + ": ready after " + Words.duration(e.elapsed());
    }
    if (event instanceof RunEvent.UnitFailed e) {
      return e.unit() + ": FAILED: " + e.reason();
    }
    if (event instanceof RunEvent.UnitSkipped e) {
      return e.unit() + ": skipped: " + e.because();
    }
    return summary((RunEvent.Finished) event);
  }

  static String waiting(RunEvent.Waiting w) {
    return w.object() + " " + w.status() + (w.reason() == null || w.reason().isEmpty() ? "" : ": " + w.reason());
  }

  /** The closing line of a run, also the live view's. */
  static String summary(RunEvent.Finished e) {
    String counts = e.created() + " created, " + e.configured() + " configured, " + e.unchanged() + " unchanged, "
        + e.pruned() + " pruned";
    String failed = e.failedUnits() == 0 ? "" : ", " + e.failedUnits() + (e.failedUnits() == 1 ? " unit" : " units") + " failed";
    String pruneFailed = e.pruneFailures() == 0 ? "" : ", " + e.pruneFailures() + " not pruned (see above)";
    String head = e.stopped() ? "stopped (Ctrl-C) after "
        : e.failedUnits() > 0 || e.pruneFailures() > 0 ? "failed after " : "done in ";
    return head + Words.duration(e.elapsed()) + ": " + counts + failed + pruneFailed
        + (e.stopped() ? "; what is listed above was applied, nothing after it" : "");
  }
}
