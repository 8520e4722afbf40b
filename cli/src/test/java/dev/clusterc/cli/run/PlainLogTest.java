package dev.clusterc.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.runtime.events.RunEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Not a terminal: one line per event that matters, unchanged objects only counted; golden. */
class PlainLogTest {
  @Test
  void aRunIsOneLinePerEventThatMatters() {
    StringWriter text = new StringWriter();
    PlainLog log = new PlainLog(new PrintWriter(text));
    SyntheticRun.events().forEach(log::on);
    assertEquals("""
        cluster: applying (layer cluster)
        cluster: Namespace media created
        cluster: ready after 800ms
        jellyfin: applying (layer apps)
        jellyfin: Deployment.apps media/jellyfin configured (field "spec.replicas" taken over from "kubectl-edit")
        jellyfin: waiting 2.0s for Deployment.apps media/jellyfin InProgress: 1 of 2 replicas updated
        jellyfin: FAILED: not healthy after 5m: Deployment.apps media/jellyfin InProgress
        immich: skipped: jellyfin failed
        failed after 5m01s: 1 created, 1 configured, 1 unchanged, 0 pruned, 1 unit failed
        """, text.toString());
  }

  @Test
  void aStoppedRunSaysWhatWasApplied() {
    assertEquals("stopped (Ctrl-C) after 3.0s: 2 created, 0 configured, 5 unchanged, 0 pruned;"
        + " what is listed above was applied, nothing after it",
        PlainLog.line(new RunEvent.Finished(2, 0, 5, 0, 0, 0, true, Duration.ofSeconds(3))));
    assertEquals("done in 1.5s: 0 created, 0 configured, 7 unchanged, 0 pruned",
        PlainLog.line(new RunEvent.Finished(0, 0, 7, 0, 0, 0, false, Duration.ofMillis(1500))));
    assertEquals("failed after 1.5s: 0 created, 0 configured, 7 unchanged, 1 pruned, 2 not pruned (see above)",
        PlainLog.line(new RunEvent.Finished(0, 0, 7, 1, 2, 0, false, Duration.ofMillis(1500))));
  }
}
