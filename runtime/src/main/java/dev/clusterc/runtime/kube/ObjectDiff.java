package dev.clusterc.runtime.kube;

import dev.clusterc.runtime.model.Kinds;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/**
 * Turns a live object and what applying would make of it into an {@link ObjectChange}: equal
 * without status and metadata noise means UNCHANGED; otherwise a unified diff of the fields
 * clusterc manages (those the desired object sets, and those clusterc owned before, which it
 * removes), Secret values masked.
 */
final class ObjectDiff {

  /** Not on the cluster: the diff shows what would be created ({@code dryRun} when known, else {@code desired}). */
  ObjectChange created(GenericKubernetesResource desired, GenericKubernetesResource dryRun, String detail) {
    ObjectId id = ObjectId.of(desired);
    Map<String, Object> wanted = wanted(desired);
    Map<String, Object> after = restrict(ObjectTree.of(dryRun == null ? desired : dryRun), wanted, null);
    mask(id, null, after);
    return new ObjectChange(id, Change.CREATED, diff(id, List.of(), after), detail, List.of());
  }

  /** An immutable field changed: the diff goes from the live object to the desired one. */
  ObjectChange recreated(GenericKubernetesResource live, GenericKubernetesResource desired, String detail) {
    ObjectId id = ObjectId.of(desired);
    Map<String, Object> wanted = wanted(desired);
    Map<String, Object> before = restrict(ObjectTree.of(live), wanted, null);
    Map<String, Object> after = restrict(wanted, wanted, null);
    mask(id, before, after);
    return new ObjectChange(id, Change.RECREATED, diff(id, ObjectTree.yamlLines(before), after), detail, List.of());
  }

  /** On the cluster: UNCHANGED when the dry run leaves it as it is, else CONFIGURED with a diff. */
  ObjectChange compare(GenericKubernetesResource live, GenericKubernetesResource dryRun,
      GenericKubernetesResource desired, String detail, List<String> conflicts) {
    ObjectId id = ObjectId.of(desired);
    Map<String, Object> liveTree = ObjectTree.of(live);
    Map<String, Object> dryTree = ObjectTree.of(dryRun);
    if (liveTree.equals(dryTree)) {
      return new ObjectChange(id, Change.UNCHANGED, "", detail, conflicts);
    }
    Map<String, Object> wanted = wanted(desired);
    Map<String, Object> owned = ObjectTree.owned(live, Kinds.FIELD_MANAGER);
    Map<String, Object> before = restrict(liveTree, wanted, owned);
    Map<String, Object> after = restrict(dryTree, wanted, owned);
    mask(id, before, after);
    String diff = diff(id, ObjectTree.yamlLines(before), after);
    if (diff.isEmpty() && !SecretMask.isSecret(id)) {
      // only fields clusterc no longer sets changed (they are removed): show the whole object, never a Secret's
      mask(id, liveTree, dryTree);
      diff = diff(id, ObjectTree.yamlLines(liveTree), dryTree);
    }
    return new ObjectChange(id, Change.CONFIGURED, diff, detail, conflicts);
  }

  private static Map<String, Object> wanted(GenericKubernetesResource desired) {
    Map<String, Object> wanted = ObjectTree.of(desired);
    if (SecretMask.isSecret(ObjectId.of(desired))) {
      SecretMask.foldStringData(wanted);
    }
    return wanted;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> restrict(Map<String, Object> tree, Map<String, Object> wanted,
      Map<String, Object> owned) {
    return (Map<String, Object>) ObjectTree.restrict(tree, wanted, owned);
  }

  private static void mask(ObjectId id, Map<String, Object> before, Map<String, Object> after) {
    if (SecretMask.isSecret(id)) {
      SecretMask.mask(before, after);
    }
  }

  private static String diff(ObjectId id, List<String> before, Map<String, Object> after) {
    return UnifiedDiff.of(id + " (live)", before, id + " (after apply)", ObjectTree.yamlLines(after));
  }
}
