package dev.clusterc.cli.run;

import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.model.UnitGraph;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The engine of this build until the runtime's apply package is wired here: every call says so.
 * (Merge point: replace with the runtime's planner and applier, translating a connection failure
 * into {@link ClusterUnreachableException}.)
 */
public final class UnwiredEngine implements Engine {
  @Override
  public PlanResult plan(UnitGraph graph, RunSettings settings, RunListener listener, AtomicBoolean stop) {
    throw new UnsupportedOperationException("the runtime engine is not wired into this build of clusterc yet");
  }

  @Override
  public void apply(UnitGraph graph, RunSettings settings, RunListener listener, AtomicBoolean stop) {
    throw new UnsupportedOperationException("the runtime engine is not wired into this build of clusterc yet");
  }
}
