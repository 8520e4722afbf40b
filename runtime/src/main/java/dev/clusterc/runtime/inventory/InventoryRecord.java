package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.model.ObjectId;
import java.util.Comparator;

/**
 * One member of the set as clusterc recorded it when it applied it: which object, the unit it came from,
 * and where that unit and the object stood in apply order. The positions outlive the unit: once a unit
 * is gone from the graph, they are what lets prune go in reverse dependency order.
 *
 * @param object the member
 * @param unit the name of the unit that applied it
 * @param unitPosition the unit's index in the graph's dependency order
 * @param objectPosition the object's index among its unit's objects
 */
public record InventoryRecord(ObjectId object, String unit, int unitPosition, int objectPosition) {
  /** Apply order: by unit position, then object position, then id (records of different runs may tie). */
  public static final Comparator<InventoryRecord> APPLY_ORDER = Comparator
      .comparingInt(InventoryRecord::unitPosition)
      .thenComparingInt(InventoryRecord::objectPosition)
      .thenComparing(InventoryRecord::object);

  public InventoryRecord {
    if (unitPosition < 0 || objectPosition < 0) {
      throw new IllegalArgumentException("positions are never negative: " + unitPosition + ", " + objectPosition);
    }
  }
}
