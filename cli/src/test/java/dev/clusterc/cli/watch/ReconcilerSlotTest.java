package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.runtime.watch.Desired;
import dev.clusterc.runtime.watch.WatchStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The slot's hand-over of the last good revision across leadership changes, with recording reconcilers. */
class ReconcilerSlotTest {
  /** A reconciler that records what it is told; its close waits for {@link #closeMayEnd}, and is logged to {@link #log}. */
  static final class Recorder implements ReconcilerSlot.Running {
    final List<String> calls = new ArrayList<>();
    final int number;
    final List<String> log;
    final CountDownLatch closeMayEnd;
    /** What {@link #stoppedCleanly()} answers: false plays a reconciler whose thread outlived its close. */
    volatile boolean stoppedCleanly = true;

    Recorder() {
      this(0, new CopyOnWriteArrayList<>(), new CountDownLatch(0));
    }

    Recorder(int number, List<String> log, CountDownLatch closeMayEnd) {
      this.number = number;
      this.log = log;
      this.closeMayEnd = closeMayEnd;
    }

    @Override
    public void start() {
      calls.add("start");
      log.add("start " + number);
    }

    @Override
    public void submit(Desired desired) {
      calls.add("submit " + desired.revision());
    }

    @Override
    public void reject(String revision, String origin, List<String> diagnostics) {
      calls.add("reject " + revision);
    }

    @Override
    public WatchStatus status() {
      return new WatchStatus("applied", null, null, List.of(), false, 1, true);
    }

    @Override
    public void close() {
      calls.add("close");
      log.add("closing " + number);
      try {
        closeMayEnd.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      log.add("closed " + number);
    }

    @Override
    public boolean stoppedCleanly() {
      return stoppedCleanly;
    }
  }

  private final List<Recorder> made = new CopyOnWriteArrayList<>();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch closeMayEnd = new CountDownLatch(0);
  private final ReconcilerSlot slot = new ReconcilerSlot(() -> {
    Recorder r = new Recorder(made.size(), log, closeMayEnd);
    made.add(r);
    return r;
  });

  private static Desired desired(String revision) {
    return new Desired(new UnitGraph("home", List.of()), revision, "examples/home");
  }

  @Test
  void aStandbyKeepsTheLastGoodRevisionAndHandsItToTheReconcilerItOpens() {
    slot.submit(desired("r1"));
    slot.reject("r2", "examples/home", List.of("a.cluster:1:1: x"));
    slot.submit(desired("r3"));
    assertFalse(slot.active());
    assertEquals(Optional.empty(), slot.status());
    assertTrue(made.isEmpty(), "nothing reconciles on standby");

    slot.open();
    assertEquals(List.of("start", "submit r3"), made.get(0).calls);
    assertTrue(slot.active());
    assertEquals("applied", slot.status().orElseThrow().appliedRevision());
  }

  @Test
  void aRevisionNamingAnotherClusterIsNeverHandedToTheNextReconciler() {
    slot.submit(desired("r1"));
    slot.open();
    slot.submit(new Desired(new UnitGraph("renamed", List.of()), "r2", "examples/home"));
    assertEquals(List.of("start", "submit r1", "submit r2"), made.get(0).calls, "the reconciler refuses it itself");
    slot.close();
    slot.open();
    assertEquals(List.of("start", "submit r1"), made.get(1).calls, "a lost and regained lease resumes the first cluster");
  }

  @Test
  void whileOpenEverythingIsForwardedAndClosingStopsIt() {
    slot.open();
    slot.open();
    assertEquals(1, made.size(), "opening twice makes one reconciler");
    slot.submit(desired("r1"));
    slot.reject("r2", "examples/home", List.of("x"));
    slot.close();
    slot.submit(desired("r3"));
    assertEquals(List.of("start", "submit r1", "reject r2", "close"), made.get(0).calls);

    slot.open();
    assertEquals(List.of("start", "submit r3"), made.get(1).calls, "leading again starts from the last good revision");
    assertEquals("r3", slot.lastGood().orElseThrow().revision());
  }

  @Test
  void openingBeforeAnyRevisionSubmitsNothing() {
    slot.open();
    assertEquals(List.of("start"), made.get(0).calls);
  }

  @Test
  void leadingAgainWhileTheOldReconcilerStillClosesWaitsForIt() throws InterruptedException {
    closeMayEnd = new CountDownLatch(1);
    slot.submit(desired("r1"));
    slot.open();
    Thread losing = new Thread(slot::close, "leadership-lost");
    losing.start();
    RecordingSink.await(() -> log.contains("closing 0"), () -> "the first reconciler closing: " + log);
    Thread leading = new Thread(slot::open, "leading-again");
    leading.start();
    RecordingSink.await(() -> !leading.isAlive() || leading.getState() == Thread.State.BLOCKED
        || leading.getState() == Thread.State.WAITING, () -> "open() done or waiting: " + leading.getState());
    assertEquals(1, made.size(), "no second reconciler while the first still writes: " + log);
    closeMayEnd.countDown();
    losing.join(60_000);
    leading.join(60_000);
    assertEquals(List.of("start 0", "closing 0", "closed 0", "start 1"), log);
    assertEquals(List.of("start", "submit r1"), made.get(1).calls);
  }

  @Test
  void stopClosesAtOnceWithoutWaitingAndNothingIsOpenedOrSubmittedAfter() throws InterruptedException {
    closeMayEnd = new CountDownLatch(1);
    slot.open();
    slot.stop();
    RecordingSink.await(() -> log.contains("closing 0"), () -> "the reconciler closing after stop(): " + log);
    slot.submit(desired("late"));
    slot.reject("late2", "examples/home", List.of("x"));
    assertEquals(Optional.empty(), slot.lastGood(), "a revision after the stop is not kept");
    Thread closing = new Thread(slot::close, "shutdown");
    closing.start();
    RecordingSink.await(() -> closing.getState() == Thread.State.BLOCKED || closing.getState() == Thread.State.WAITING,
        () -> "close() waiting for the reconciler: " + closing.getState());
    assertTrue(closing.isAlive(), "close() returns only once the reconciler has closed");
    closeMayEnd.countDown();
    closing.join(60_000);
    assertFalse(closing.isAlive());
    slot.open();
    assertEquals(1, made.size(), "nothing opens after a stop");
    assertEquals(List.of("start", "close"), made.get(0).calls);
  }
}
