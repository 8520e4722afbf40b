package dev.clusterc.runtime.events;

import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import java.time.Duration;
import java.util.List;

/**
 * What a plan or an apply reports while it runs, in the order it happens: what the progress view,
 * the plain log and the JSON event stream are made of. Never carries a Secret's data.
 */
public sealed interface RunEvent {

  /** A unit's objects are about to be applied: everything it depends on is healthy. */
  record UnitStarted(String unit, String layer) implements RunEvent {}

  /** One object was planned or applied; {@code detail} says why when it is not obvious, else empty. */
  record ObjectDone(String unit, ObjectId object, Change change, String detail) implements RunEvent {}

  /** A unit is applied and waits for the objects that gate it; sent when what it waits for changes. */
  record UnitWaiting(String unit, List<Waiting> pending, Duration elapsed) implements RunEvent {}

  /** A unit is healthy: its dependents may start. */
  record UnitReady(String unit, Duration elapsed) implements RunEvent {}

  /** A unit failed (an apply refused, an object Failed, a timeout): its dependents do not start. */
  record UnitFailed(String unit, String reason) implements RunEvent {}

  /** A unit was not started because a unit it depends on failed, or the run was stopped. */
  record UnitSkipped(String unit, String because) implements RunEvent {}

  /** The run ended; {@code stopped} when it was interrupted (Ctrl-C) between objects. */
  record Finished(int created, int configured, int unchanged, int pruned, int pruneFailures, int failedUnits,
      boolean stopped, Duration elapsed) implements RunEvent {}

  /** One gating object not yet healthy: its kstatus status and why. */
  record Waiting(ObjectId object, String status, String reason) {}
}
