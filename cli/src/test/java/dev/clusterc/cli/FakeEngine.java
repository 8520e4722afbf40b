package dev.clusterc.cli;

import dev.clusterc.cli.run.ClusterUnreachableException;
import dev.clusterc.cli.run.Engine;
import dev.clusterc.cli.run.PlanResult;
import dev.clusterc.cli.run.RunSettings;
import dev.clusterc.cli.run.RunStoppedException;
import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An engine that reaches no cluster: it records what the command handed it and reports every
 * object as {@code change} (the first one with a diff when configured), or fails as told.
 */
final class FakeEngine implements Engine {
  UnitGraph graph;
  RunSettings settings;
  Change change = Change.UNCHANGED;
  boolean unreachable;
  boolean failFirstUnit;
  boolean stopPlan;
  int pruneFailures;

  @Override
  public PlanResult plan(UnitGraph graph, RunSettings settings, RunListener listener, AtomicBoolean stop) {
    if (stopPlan) {
      throw new RunStoppedException("the plan was stopped before it finished; nothing was written", null);
    }
    run(graph, settings, listener);
    ObjectId first = graph.units().stream().flatMap(u -> u.objectIds().stream()).findFirst().orElseThrow();
    return change == Change.CONFIGURED ? new PlanResult(Map.of(first, "-a: 1\n+a: 2\n"), java.util.List.of()) : PlanResult.empty();
  }

  @Override
  public void apply(UnitGraph graph, RunSettings settings, RunListener listener, AtomicBoolean stop) {
    run(graph, settings, listener);
  }

  private void run(UnitGraph graph, RunSettings settings, RunListener listener) {
    this.graph = graph;
    this.settings = settings;
    if (unreachable) {
      throw new ClusterUnreachableException("https://127.0.0.1:1: connection refused", null);
    }
    int count = 0;
    int failed = 0;
    for (Unit unit : graph.units()) {
      listener.on(new RunEvent.UnitStarted(unit.name(), unit.layer()));
      for (ObjectId id : unit.objectIds()) {
        listener.on(new RunEvent.ObjectDone(unit.name(), id, change, ""));
        count++;
      }
      if (failFirstUnit && failed == 0) {
        failed++;
        listener.on(new RunEvent.UnitFailed(unit.name(), "not healthy after 5m"));
      } else {
        listener.on(new RunEvent.UnitReady(unit.name(), Duration.ofMillis(10)));
      }
    }
    listener.on(new RunEvent.Finished(change == Change.CREATED ? count : 0, change == Change.CONFIGURED ? count : 0,
        change == Change.UNCHANGED ? count : 0, 0, pruneFailures, failed, false, Duration.ofMillis(100)));
  }
}
