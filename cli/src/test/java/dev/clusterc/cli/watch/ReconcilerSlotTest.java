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
import org.junit.jupiter.api.Test;

/** The slot's hand-over of the last good revision across leadership changes, with recording reconcilers. */
class ReconcilerSlotTest {
  /** A reconciler that records what it is told. */
  static final class Recorder implements ReconcilerSlot.Running {
    final List<String> calls = new ArrayList<>();

    @Override
    public void start() {
      calls.add("start");
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
    }
  }

  private final List<Recorder> made = new ArrayList<>();
  private final ReconcilerSlot slot = new ReconcilerSlot(() -> {
    Recorder r = new Recorder();
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
}
