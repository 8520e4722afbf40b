package dev.clusterc.cli.run;

import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import java.io.PrintWriter;

/**
 * {@code --output json} of a run: one JSON object per event, one per line, flushed at once, for
 * tools. Every line has {@code "event"}; the other fields per event are documented in
 * {@code docs/cli.md} and stay stable. Events carry no Secret data, so neither do these lines.
 */
public final class JsonEvents implements RunListener {
  private final PrintWriter out;

  public JsonEvents(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void on(RunEvent event) {
    out.println(line(event));
    out.flush();
  }

  /** The line of one event, without its newline. */
  static String line(RunEvent event) {
    if (event instanceof RunEvent.UnitStarted e) {
      return "{\"event\":\"unit-started\",\"unit\":" + Json.string(e.unit()) + ",\"layer\":" + Json.string(e.layer()) + "}";
    }
    if (event instanceof RunEvent.ObjectDone e) {
      return "{\"event\":\"object\",\"unit\":" + Json.string(e.unit()) + ",\"object\":" + Json.object(e.object())
          + ",\"change\":" + Json.change(e.change()) + ",\"detail\":" + Json.string(e.detail()) + "}";
    }
    if (event instanceof RunEvent.UnitWaiting e) {
      return "{\"event\":\"unit-waiting\",\"unit\":" + Json.string(e.unit()) + ",\"elapsedMs\":" + Json.millis(e.elapsed())
          + ",\"pending\":" + Json.array(e.pending().stream().map(JsonEvents::waiting).toList()) + "}";
    }
    if (event instanceof RunEvent.UnitReady e) {
      return "{\"event\":\"unit-ready\",\"unit\":" + Json.string(e.unit()) + ",\"elapsedMs\":" + Json.millis(e.elapsed()) + "}";
    }
    if (event instanceof RunEvent.UnitFailed e) {
      return "{\"event\":\"unit-failed\",\"unit\":" + Json.string(e.unit()) + ",\"reason\":" + Json.string(e.reason()) + "}";
    }
    if (event instanceof RunEvent.UnitSkipped e) {
      return "{\"event\":\"unit-skipped\",\"unit\":" + Json.string(e.unit()) + ",\"because\":" + Json.string(e.because()) + "}";
    }
    RunEvent.Finished e = (RunEvent.Finished) event;
    return "{\"event\":\"finished\",\"created\":" + e.created() + ",\"configured\":" + e.configured() + ",\"unchanged\":"
        + e.unchanged() + ",\"pruned\":" + e.pruned() + ",\"pruneFailures\":" + e.pruneFailures() + ",\"failedUnits\":" + e.failedUnits() + ",\"stopped\":" + e.stopped()
        + ",\"elapsedMs\":" + Json.millis(e.elapsed()) + "}";
  }

  private static String waiting(RunEvent.Waiting w) {
    return "{\"object\":" + Json.object(w.object()) + ",\"status\":" + Json.string(w.status()) + ",\"reason\":"
        + Json.string(w.reason()) + "}";
  }
}
