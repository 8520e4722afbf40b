package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
