package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.kube.ObjectChange;
import java.util.List;

/**
 * What applying would do to one unit's objects, in apply order.
 *
 * @param unit the unit's name
 * @param layer its layer, for grouping the output
 * @param title what a person calls it ({@code app jellyfin})
 * @param changes one per object
 */
public record UnitPlan(String unit, String layer, String title, List<ObjectChange> changes) {
  public UnitPlan {
    changes = List.copyOf(changes);
  }
}
