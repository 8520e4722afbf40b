package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The order of a watch's shutdown: the lease is released only after the reconciler has closed. */
class WatchRunShutdownTest {
  @Test
  void theLeaseIsReleasedOnlyOnceTheReconcilerHasClosed() {
    List<String> log = new CopyOnWriteArrayList<>();
    ReconcilerSlot slot = new ReconcilerSlot(() -> new ReconcilerSlotTest.Recorder(0, log, new CountDownLatch(0)));
    slot.open();
    FakeSource source = new FakeSource();
    WatchRun.shutDown(source, slot, () -> log.add("lease released" + (source.closed ? " after the source closed" : "")));
    assertEquals(List.of("start 0", "closing 0", "closed 0", "lease released after the source closed"), log);
    assertTrue(source.closed);
  }

  @Test
  void aReconcilerStillWritingAfterItsCloseKeepsTheLease() {
    List<String> log = new CopyOnWriteArrayList<>();
    ReconcilerSlotTest.Recorder recorder = new ReconcilerSlotTest.Recorder(0, log, new CountDownLatch(0));
    recorder.stoppedCleanly = false; // its thread outlived the close wait
    ReconcilerSlot slot = new ReconcilerSlot(() -> recorder);
    slot.open();
    WatchRun.shutDown(new FakeSource(), slot, () -> log.add("lease released"));
    assertEquals(List.of("start 0", "closing 0", "closed 0"), log, "the lease expires once the process is gone");
    assertFalse(slot.stoppedCleanly());
  }
}
