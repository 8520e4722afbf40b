package dev.clusterc.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.events.RunEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The terminal's live view: frames of a synthetic run at chosen instants, golden, and the redraw in place. */
class LiveViewTest {
  private final AtomicLong clock = new AtomicLong();

  private void at(long millis) {
    clock.set(Duration.ofMillis(millis).toNanos());
  }

  private String frame(RunBoard board) {
    return String.join("\n", LiveFrame.lines("clusterc apply homelab", board.snapshot(), 120)) + "\n";
  }

  @Test
  void framesShowEachLayerAndWhatEachRunningUnitWaitsForAndHowLong() {
    RunBoard board = new RunBoard(SyntheticRun.graph(), clock::get);
    List<RunEvent> events = SyntheticRun.events();
    at(0);
    events.subList(0, 3).forEach(board::on);
    at(1_000);
    events.subList(3, 6).forEach(board::on);
    at(1_500);
    board.on(events.get(6));
    at(13_500);
    assertEquals("""
        clusterc apply homelab · 13.5s · 1/3 ready, 1 running, 1 pending
        cluster  1/1 ready
        apps  0/2 ready, 1 running, 1 pending
          jellyfin (app jellyfin)  waiting 12.0s for Deployment.apps media/jellyfin InProgress: 1 of 2 replicas updated
        """, frame(board));
    events.subList(7, 9).forEach(board::on);
    assertEquals("""
        clusterc apply homelab · 13.5s · 1/3 ready, 1 failed, 1 skipped
        cluster  1/1 ready
        apps  0/2 ready, 1 failed, 1 skipped
          jellyfin (app jellyfin)  FAILED: not healthy after 5m: Deployment.apps media/jellyfin InProgress
        """, frame(board));
  }

  @Test
  void aLineNeverWrapsSoTheRedrawMovesUpWholeLines() {
    RunBoard board = new RunBoard(SyntheticRun.graph(), clock::get);
    SyntheticRun.events().subList(0, 7).forEach(board::on);
    List<String> lines = LiveFrame.lines("clusterc apply homelab", board.snapshot(), 40);
    assertTrue(lines.stream().allMatch(l -> l.length() <= 40), lines.toString());
    assertTrue(lines.get(3).endsWith("…"), lines.get(3));
  }

  @Test
  void eachRedrawGoesBackOverTheLastFrameAndTheRunEndsWithItsClosingLine() {
    StringWriter text = new StringWriter();
    LiveView view = new LiveView("clusterc apply homelab", SyntheticRun.graph(), new PrintWriter(text), 100, clock::get, false);
    view.redraw();
    assertEquals("\033[J", text.toString().substring(0, 3), "the first frame starts where the cursor is");
    assertEquals(3, text.toString().lines().count(), "head, two layers: nothing runs yet");
    SyntheticRun.events().forEach(view::on);
    int before = text.getBuffer().length();
    view.redraw();
    assertTrue(text.toString().substring(before).startsWith("\033[3A\r\033[J"), "up over the 3 lines drawn before");
    view.close();
    assertTrue(text.toString().endsWith("failed after 5m01s: 1 created, 1 configured, 1 unchanged, 0 pruned, 1 unit failed\n"),
        text.toString());
  }
}
