package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything prune decides from, gathered from the cluster first so the decision itself is pure.
 *
 * @param recorded the inventory (widened: old and new members)
 * @param desired every object the graph wants now
 * @param live the candidates found on the cluster; a candidate missing here is gone (or its kind is)
 * @param claims for each namespace among the candidates, the names of the claims living in it
 * @param applySetId our set's id, which a live candidate must still carry to be deleted
 * @param pruneData whether claims, databases and namespaces holding claims may be deleted
 */
public record PruneInput(InventoryRecords recorded, Set<ObjectId> desired, Map<ObjectId, GenericKubernetesResource> live,
    Map<String, List<String>> claims, String applySetId, boolean pruneData) {

  public PruneInput {
    desired = Set.copyOf(desired);
    live = Map.copyOf(live);
    claims = Map.copyOf(claims);
  }
}
