package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.kube.ObjectChange;
import java.util.List;

/**
 * How one unit's apply ended.
 *
 * @param unit its name
 * @param changes what was done to its objects, in order
 * @param failure why it failed, or {@code null} when it did not
 * @param stopped whether the run was cancelled before the unit was done
 */
record UnitOutcome(String unit, List<ObjectChange> changes, String failure, boolean stopped) {

  boolean ready() {
    return failure == null && !stopped;
  }
}
