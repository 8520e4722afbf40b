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
  /** Ignores nothing. */
  public static final DriftIgnore NONE = new DriftIgnore(List.of());

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
    return copy;
  }

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
        list.remove(index);
      }
    }
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
