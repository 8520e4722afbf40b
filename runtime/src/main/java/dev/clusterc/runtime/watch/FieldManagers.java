package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.kube.JsonPointer;
import dev.clusterc.runtime.kube.ListItems;
import dev.clusterc.runtime.model.Kinds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who changed a drifted field, read from the live object's managedFields: the field manager other
 * than clusterc whose entry covers one of the changed paths, else the one that wrote last. Status
 * writers are never named: status is not part of a projection.
 */
public final class FieldManagers {
  /** Named when managedFields name nobody (an object created or edited without them). */
  public static final String UNKNOWN = "unknown";

  private FieldManagers() {}

  /**
   * The manager to blame for {@code paths} (JSON pointers into {@code projection}, the live object's
   * projection, whose list items carry the names the managed fields key them by).
   */
  public static String whoChanged(HasMetadata live, List<String> paths, Map<String, Object> projection) {
    List<ManagedFieldsEntry> entries = live == null || live.getMetadata().getManagedFields() == null ? List.of()
        : live.getMetadata().getManagedFields().stream()
            .filter(e -> e.getManager() != null && !Kinds.FIELD_MANAGER.equals(e.getManager()))
            .filter(e -> !"status".equals(e.getSubresource()))
            .toList();
    for (String path : paths) {
      List<String> tokens = JsonPointer.tokens(path);
      for (ManagedFieldsEntry entry : entries) {
        if (entry.getFieldsV1() != null && covers(entry.getFieldsV1().getAdditionalProperties(), tokens, projection)) {
          return entry.getManager();
        }
      }
    }
    return entries.stream()
        .max(Comparator.comparing(e -> Optional.ofNullable(e.getTime()).orElse("")))
        .map(ManagedFieldsEntry::getManager)
        .orElse(UNKNOWN);
  }

  /**
   * Whether a FieldsV1 set ({@code f:key} for a map key, {@code k:{"name":…}} for an item of a list
   * keyed by name) holds {@code tokens}, or an atomic field above them.
   */
  static boolean covers(Map<String, Object> fields, List<String> tokens, Object tree) {
    Map<?, ?> node = fields;
    Object value = tree;
    for (String token : tokens) {
      if (atomic(node)) {
        return true;
      }
      Object next = null;
      if (value instanceof Map<?, ?> map) {
        next = node.get("f:" + token);
        value = map.get(token);
      } else if (value instanceof List<?> list) {
        int index = JsonPointer.index(token);
        Object item = index >= 0 && index < list.size() ? list.get(index) : null;
        next = keyed(node, ListItems.nameOf(item));
        value = item;
      }
      if (!(next instanceof Map<?, ?> child)) {
        return false;
      }
      node = child;
    }
    return true;
  }

  /** A field owned as a whole: a leaf, or a set whose only member is {@code .} (the item itself). */
  private static boolean atomic(Map<?, ?> node) {
    return node.isEmpty() || (node.size() == 1 && node.containsKey("."));
  }

  /** The {@code k:{…}} member of {@code node} for the list item named {@code name}. */
  private static Object keyed(Map<?, ?> node, Object name) {
    if (name == null) {
      return null;
    }
    for (Map.Entry<?, ?> entry : node.entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (key.startsWith("k:")) {
        try {
          Map<?, ?> keys = Serialization.jsonMapper().readValue(key.substring(2), Map.class);
          if (Objects.equals(String.valueOf(name), String.valueOf(keys.get("name")))) {
            return entry.getValue();
          }
        } catch (java.io.IOException e) {
          // not a key we can read: not this item
        }
      }
    }
    return null;
  }
}
