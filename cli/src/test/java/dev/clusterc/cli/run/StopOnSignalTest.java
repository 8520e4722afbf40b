package dev.clusterc.cli.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Ctrl-C sets the run's stop flag and holds the exit until the run has ended and printed its lines. */
class StopOnSignalTest {
  @Test
  void theSignalSetsTheFlagAndWaitsForTheRunToEnd() throws InterruptedException {
    StopOnSignal stop = StopOnSignal.none();
    assertFalse(stop.flag().get());
    Thread hook = new Thread(stop::signalled);
    hook.start();
    while (!stop.flag().get()) {
      Thread.onSpinWait();
    }
    assertTrue(hook.isAlive(), "the hook holds the process while the run stops");
    stop.close();
    hook.join();
    assertFalse(hook.isAlive());
  }

  @Test
  void theGraceCoversAReCreateInProgress() {
    long deleteWait = dev.clusterc.runtime.kube.ObjectApplier.DELETE_TIMEOUT.toSeconds();
    assertTrue(StopOnSignal.GRACE_SECONDS >= deleteWait + 30,
        "a halt between a re-create's delete and its create loses the object: " + StopOnSignal.GRACE_SECONDS);
  }
}
