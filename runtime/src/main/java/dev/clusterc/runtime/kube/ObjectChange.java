package dev.clusterc.runtime.kube;

import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import java.util.List;

/**
 * What a plan or an apply does to one object, as data: the change, a unified diff (live → wanted)
 * of only the fields clusterc manages, with Secret values masked, and why when it is not obvious.
 *
 * @param object which object
 * @param change CREATED, CONFIGURED, UNCHANGED or RECREATED (an immutable field changed)
 * @param diff a unified diff, empty for UNCHANGED
 * @param detail why, when it is not obvious (its CRD or namespace does not exist yet, the
 *     immutable field, the other field manager); else empty
 * @param conflicts the other field managers that own fields clusterc sets to other values; applied
 *     only when conflicts are forced
 */
public record ObjectChange(ObjectId object, Change change, String diff, String detail, List<String> conflicts) {

  public ObjectChange {
    diff = diff == null ? "" : diff;
    detail = detail == null ? "" : detail;
    conflicts = List.copyOf(conflicts);
  }

  /** Whether applying it writes to the cluster. */
  public boolean drifted() {
    return change != Change.UNCHANGED;
  }

  ObjectChange as(Change other) {
    return new ObjectChange(object, other, diff, detail, conflicts);
  }
}
