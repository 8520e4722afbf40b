package dev.clusterc.runtime.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.clusterc.runtime.model.Kinds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An object as a plain tree of maps, lists and scalars, without what the server keeps for itself
 * (status and the bookkeeping in metadata) and without the {@value Kinds#REVISION} annotation, so a
 * live object and a dry-run result can be compared and diffed. Map keys are sorted, so two trees
 * print in the same order.
 */
final class ObjectTree {
  /** Metadata written by the API server on every write, never by clusterc. */
  private static final Set<String> METADATA_NOISE = Set.of("managedFields", "resourceVersion", "generation",
      "uid", "creationTimestamp", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds");

  /**
   * kubectl's client-side apply copy of the object: never ours to show, and for a Secret first applied
   * by kubectl it holds the Secret's data.
   */
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private ObjectTree() {}

  /** {@code object} as a sorted tree, without status and metadata noise. */
  static Map<String, Object> of(HasMetadata object) {
    @SuppressWarnings("unchecked")
    Map<String, Object> raw = Serialization.jsonMapper().convertValue(object, Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) sorted(raw);
    tree.remove("status");
    if (tree.get("metadata") instanceof Map<?, ?> metadata) {
      metadata.keySet().removeAll(METADATA_NOISE);
      if (metadata.get("annotations") instanceof Map<?, ?> annotations) {
        annotations.remove(LAST_APPLIED);
        annotations.remove(Kinds.REVISION); // which revision last changed it is no change of its own
        if (annotations.isEmpty()) {
          metadata.remove("annotations");
        }
      }
    }
    return tree;
  }

  /**
   * The part of {@code value} clusterc manages: the paths {@code desired} has, and the paths
   * {@code owned} (clusterc's managed fields on the live object, in the API's {@code FieldsV1} form:
   * {@code f:NAME} keys) has, so a field clusterc set before and no longer sets shows as removed.
   * Map entries are kept when either has the key; list items are matched by their {@code name} when
   * both sides name them, else by position; an item {@code desired} lacks is dropped.
   */
  static Object restrict(Object value, Object desired, Map<?, ?> owned) {
    if (value instanceof Map<?, ?> map && (desired instanceof Map<?, ?> || owned != null)) {
      Map<?, ?> wanted = desired instanceof Map<?, ?> m ? m : Map.of();
      Map<String, Object> kept = new TreeMap<>();
      map.forEach((key, child) -> {
        Map<?, ?> ownedChild = owned != null && owned.get("f:" + key) instanceof Map<?, ?> o ? o : null;
        if (wanted.containsKey(key) || ownedChild != null) {
          kept.put((String) key, restrict(child, wanted.get(key), ownedChild));
        }
      });
      return kept;
    }
    if (value instanceof List<?> list && desired instanceof List<?> wanted) {
      List<Object> kept = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Object counterpart = counterpart(list.get(i), i, wanted);
        if (counterpart != null) {
          kept.add(restrict(list.get(i), counterpart, null));
        }
      }
      return kept;
    }
    return value;
  }

  /** The fields {@code manager} owns through server-side apply on {@code live}, as FieldsV1; null if none. */
  static Map<String, Object> owned(HasMetadata live, String manager) {
    if (live == null || live.getMetadata().getManagedFields() == null) {
      return null;
    }
    return live.getMetadata().getManagedFields().stream()
        .filter(entry -> manager.equals(entry.getManager()) && "Apply".equals(entry.getOperation())
            && entry.getFieldsV1() != null)
        .map(entry -> entry.getFieldsV1().getAdditionalProperties())
        .findFirst().orElse(null);
  }

  private static Object counterpart(Object item, int index, List<?> wanted) {
    if (item instanceof Map<?, ?> map && map.get("name") != null) {
      for (Object candidate : wanted) {
        if (candidate instanceof Map<?, ?> other && map.get("name").equals(other.get("name"))) {
          return candidate;
        }
      }
      return null;
    }
    return index < wanted.size() ? wanted.get(index) : null;
  }

  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new TreeMap<>();
      map.forEach((key, child) -> copy.put(String.valueOf(key), sorted(child)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(sorted(item)));
      return copy;
    }
    return value;
  }

  /** The tree as YAML lines, strings quoted only where YAML needs it; none for {@code null}. */
  static List<String> yamlLines(Object tree) {
    if (tree == null) {
      return List.of();
    }
    try {
      return List.of(YAML.writeValueAsString(tree).split("\n"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an object tree did not print as YAML", e);
    }
  }
}
