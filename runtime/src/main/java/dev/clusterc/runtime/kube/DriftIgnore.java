package dev.clusterc.runtime.kube;

import dev.clusterc.runtime.model.Kinds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of one object left out of drift detection, from its {@value Kinds#DRIFT_IGNORE}
 * annotation: JSON pointers (RFC 6901, {@code ~0} for {@code ~} and {@code ~1} for {@code /}), one
 * per line or separated by commas, e.g. {@code /spec/replicas} of a Deployment an autoscaler scales.
 *
 * <p>An ignored field is removed from both projections before they are compared, and when the
 * object is applied again over a live one, the live value of an ignored field replaces the desired
 * one ({@link ObjectApplier} does so for every plan and apply, self-heal for every heal), so neither a
 * heal nor a change of the source fights the other owner. A pointer that does not parse is left out
 * (the compiler reports it for the rules it writes).
 */
public final class DriftIgnore {
  /** The prefix of the ApplySet labels, which clusterc sets on every member. */
  static final String APPLYSET_PREFIX = "applyset.kubernetes.io/";

  /** Ignores nothing. */
  public static final DriftIgnore NONE = new DriftIgnore(List.of());

  /** Stands for a list item removed by {@link #strip} until every pointer was followed. */
  private static final Object REMOVED = new Object();

  private final List<List<String>> paths;

  private DriftIgnore(List<List<String>> paths) {
    this.paths = List.copyOf(paths);
  }

  /** The ignore rules of {@code desired}'s annotation; {@link #NONE} without one. */
  public static DriftIgnore of(HasMetadata desired) {
    Map<String, String> annotations = desired.getMetadata() == null ? null
        : desired.getMetadata().getAnnotations();
    String text = annotations == null ? null : annotations.get(Kinds.DRIFT_IGNORE);
    return text == null ? NONE : parse(text);
  }

  /** Parses the annotation's value; blank entries and pointers that do not parse are skipped. */
  public static DriftIgnore parse(String annotation) {
    List<List<String>> paths = new ArrayList<>();
    for (String entry : annotation.split("[,\\n]")) {
      String pointer = entry.strip();
      if (!pointer.isEmpty() && JsonPointer.problem(pointer) == null) {
        paths.add(JsonPointer.tokens(pointer));
      }
    }
    return paths.isEmpty() ? NONE : new DriftIgnore(paths);
  }

  /** Whether it ignores nothing. */
  public boolean isEmpty() {
    return paths.isEmpty();
  }

  /**
   * A copy of {@code projection} without the ignored fields. A token naming a list item is its
   * index in the projection, which keeps the desired object's order.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> strip(Map<String, Object> projection) {
    if (paths.isEmpty()) {
      return projection;
    }
    Map<String, Object> copy = (Map<String, Object>) deepCopy(projection);
    for (List<String> path : paths) {
      remove(copy, path);
    }
    return (Map<String, Object>) withoutRemoved(copy);
  }

  /**
   * Marks the field at {@code path} removed. A list item is replaced by {@link #REMOVED} rather than
   * taken out, so that the indexes of later pointers still name the items they named.
   */
  @SuppressWarnings("unchecked")
  private static void remove(Object tree, List<String> path) {
    Object parent = tree;
    for (int i = 0; i < path.size() - 1 && parent != null; i++) {
      parent = child(parent, path.get(i));
    }
    String last = path.get(path.size() - 1);
    if (parent instanceof Map<?, ?> map) {
      map.remove(last);
    } else if (parent instanceof List<?> list) {
      int index = JsonPointer.index(last);
      if (index >= 0 && index < list.size()) {
        ((List<Object>) list).set(index, REMOVED);
      }
    }
  }

  /** {@code tree} with the list items marked {@link #REMOVED} taken out, at every depth. */
  @SuppressWarnings("unchecked")
  private static Object withoutRemoved(Object tree) {
    if (tree instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).replaceAll((k, v) -> withoutRemoved(v));
    } else if (tree instanceof List<?> list) {
      list.removeIf(item -> item == REMOVED);
      ((List<Object>) list).replaceAll(DriftIgnore::withoutRemoved);
    }
    return tree;
  }

  private static Object child(Object parent, String token) {
    if (parent instanceof Map<?, ?> map) {
      return map.get(token);
    }
    if (parent instanceof List<?> list) {
      int index = JsonPointer.index(token);
      return index >= 0 && index < list.size() ? list.get(index) : null;
    }
    return null;
  }

  /**
   * A copy of {@code desired} in which every ignored field that {@code desired} sets and
   * {@code live} has takes the live value, so applying it leaves those fields as they are. A list
   * item of {@code desired} is found in {@code live} by its name when it has one, else by index.
   * {@code desired} itself is not changed; without a live object or rules, {@code desired} itself is
   * returned.
   */
  public static GenericKubernetesResource respectLive(GenericKubernetesResource desired,
      GenericKubernetesResource live) {
    DriftIgnore ignore = of(desired);
    return ignore.isEmpty() || live == null ? desired : ignore.keepLive(desired, live);
  }

  /** {@link #respectLive} with these rules. */
  @SuppressWarnings("unchecked")
  public GenericKubernetesResource keepLive(GenericKubernetesResource desired, GenericKubernetesResource live) {
    if (paths.isEmpty() || live == null) {
      return desired;
    }
    Map<String, Object> tree = Serialization.jsonMapper().convertValue(desired, Map.class);
    Map<String, Object> liveTree = Serialization.jsonMapper().convertValue(live, Map.class);
    for (List<String> path : paths) {
      takeLive(tree, liveTree, path);
    }
    keepOwnKeys(tree, desired);
    return Serialization.jsonMapper().convertValue(tree, GenericKubernetesResource.class);
  }

  @SuppressWarnings("unchecked")
  private static void takeLive(Object desired, Object live, List<String> path) {
    for (int i = 0; i < path.size(); i++) {
      String token = path.get(i);
      boolean last = i == path.size() - 1;
      if (desired instanceof Map<?, ?> map && live instanceof Map<?, ?> liveMap) {
        if (!map.containsKey(token) || !liveMap.containsKey(token)) {
          return;
        }
        if (last) {
          ((Map<String, Object>) map).put(token, deepCopy(liveMap.get(token)));
          return;
        }
        desired = map.get(token);
        live = liveMap.get(token);
      } else if (desired instanceof List<?> list && live instanceof List<?> liveList) {
        int index = JsonPointer.index(token);
        if (index < 0 || index >= list.size()) {
          return;
        }
        Object counterpart = ListItems.counterpart(list.get(index), index, liveList);
        if (counterpart == ListItems.MISSING) {
          return;
        }
        if (last) {
          ((List<Object>) list).set(index, deepCopy(counterpart));
          return;
        }
        desired = list.get(index);
        live = counterpart;
      } else {
        return;
      }
    }
  }

  /**
   * Puts clusterc's own keys back as {@code desired} has them, after a whole label or annotation map
   * was taken from the live object: the {@value Kinds#REVISION} and {@value Kinds#DRIFT_IGNORE}
   * annotations and every {@value #APPLYSET_PREFIX} label, so a rule ignoring the map never hides a
   * new revision, a changed rule or the ApplySet membership.
   */
  @SuppressWarnings("unchecked")
  private static void keepOwnKeys(Map<String, Object> tree, GenericKubernetesResource desired) {
    if (!(tree.get("metadata") instanceof Map<?, ?> metadata) || desired.getMetadata() == null) {
      return;
    }
    Map<String, String> annotations = desired.getMetadata().getAnnotations();
    Map<String, String> labels = desired.getMetadata().getLabels();
    if (metadata.get("annotations") instanceof Map<?, ?> taken) {
      Map<String, Object> map = (Map<String, Object>) taken;
      for (String key : List.of(Kinds.REVISION, Kinds.DRIFT_IGNORE)) {
        restore(map, key, annotations);
      }
    }
    if (metadata.get("labels") instanceof Map<?, ?> taken) {
      Map<String, Object> map = (Map<String, Object>) taken;
      map.keySet().removeIf(key -> key.startsWith(APPLYSET_PREFIX));
      if (labels != null) {
        labels.forEach((key, value) -> {
          if (key.startsWith(APPLYSET_PREFIX)) {
            map.put(key, value);
          }
        });
      }
    }
  }

  /** Sets {@code key} in {@code map} as {@code desired} has it: its value, or absent. */
  private static void restore(Map<String, Object> map, String key, Map<String, String> desired) {
    String value = desired == null ? null : desired.get(key);
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  private static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(deepCopy(item)));
      return copy;
    }
    return value;
  }
}
