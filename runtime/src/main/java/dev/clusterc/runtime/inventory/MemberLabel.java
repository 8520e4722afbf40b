package dev.clusterc.runtime.inventory;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Marks a desired object as a member of the set before it is applied: the label
 * {@code applyset.kubernetes.io/part-of=<id>}, which lets kubectl see the set. The label is a hint for
 * other tools; our own records decide what prune may delete.
 */
public final class MemberLabel {
  private MemberLabel() {}

  /**
   * A copy of {@code desired} carrying the label; {@code desired} is not changed. Refuses an object that
   * already names another set: it would leave that set silently.
   */
  public static GenericKubernetesResource label(GenericKubernetesResource desired, String applySetId) {
    Map<String, String> labels = desired.getMetadata() == null || desired.getMetadata().getLabels() == null
        ? Map.of() : desired.getMetadata().getLabels();
    String present = labels.get(ApplySetKeys.PART_OF);
    if (present != null && !present.equals(applySetId)) {
      throw new InventoryException(desired.getKind() + " " + desired.getMetadata().getName() + " already carries "
          + ApplySetKeys.PART_OF + "=" + present + ", another set's id: remove that label from its source");
    }
    GenericKubernetesResource copy = Serialization.clone(desired);
    ObjectMeta metadata = copy.getMetadata() == null ? new ObjectMeta() : copy.getMetadata();
    Map<String, String> withLabel = new LinkedHashMap<>(labels);
    withLabel.put(ApplySetKeys.PART_OF, applySetId);
    metadata.setLabels(withLabel);
    copy.setMetadata(metadata);
    return copy;
  }

  /** Whether a live object carries the label of set {@code applySetId}. */
  public static boolean carries(GenericKubernetesResource live, String applySetId) {
    return live.getMetadata() != null && live.getMetadata().getLabels() != null
        && applySetId.equals(live.getMetadata().getLabels().get(ApplySetKeys.PART_OF));
  }
}
