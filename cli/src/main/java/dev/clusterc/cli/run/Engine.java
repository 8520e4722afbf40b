package dev.clusterc.cli.run;

import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.model.UnitGraph;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one call from the command line into the runtime, per command: a plan (server-side dry run
 * of every object, nothing written) or an apply. Events go to {@code listener} as they happen, the
 * last one {@link dev.clusterc.runtime.events.RunEvent.Finished}; {@code stop} is set by Ctrl-C and
 * the run stops between objects.
 */
public interface Engine {
  /**
   * Plans {@code graph} against the live cluster; the result carries each object's diff.
   *
   * @throws ClusterUnreachableException when the cluster cannot be reached
   */
  PlanResult plan(UnitGraph graph, RunSettings settings, RunListener listener, AtomicBoolean stop);

  /**
   * Applies {@code graph}, prunes what the inventory no longer wants, and waits for health.
   *
   * @throws ClusterUnreachableException when the cluster cannot be reached
   */
  void apply(UnitGraph graph, RunSettings settings, RunListener listener, AtomicBoolean stop);
}
