package dev.clusterc.runtime.watch;

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
 * one, so neither a heal nor a change of the source fights the other owner. A pointer that does not
 * parse is left out and reported in {@link #problems()}.
 */
public final class DriftIgnore {
  /** Ignores nothing. */
  public static final DriftIgnore NONE = new DriftIgnore(List.of(), List.of(), List.of());

  private final List<String> pointers;
  private final List<List<String>> paths;
  private final List<String> problems;

  private DriftIgnore(List<String> pointers, List<List<String>> paths, List<String> problems) {
    this.pointers = List.copyOf(pointers);
    this.paths = List.copyOf(paths);
    this.problems = List.copyOf(problems);
  }

  /** The ignore rules of {@code desired}'s annotation; {@link #NONE} without one. */
  public static DriftIgnore of(HasMetadata desired) {
    Map<String, String> annotations = desired.getMetadata() == null ? null
        : desired.getMetadata().getAnnotations();
    String text = annotations == null ? null : annotations.get(Kinds.DRIFT_IGNORE);
    return text == null ? NONE : parse(text);
  }

  /** Parses the annotation's value; blank entries are skipped. */
  public static DriftIgnore parse(String annotation) {
    List<String> pointers = new ArrayList<>();
    List<List<String>> paths = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String entry : annotation.split("[,\\n]")) {
      String pointer = entry.strip();
      if (pointer.isEmpty()) {
        continue;
      }
      String problem = problem(pointer);
      if (problem != null) {
        problems.add("drift-ignore `" + pointer + "`: " + problem);
      } else {
        pointers.add(pointer);
        paths.add(tokens(pointer));
      }
    }
    return new DriftIgnore(pointers, paths, problems);
  }

  private static String problem(String pointer) {
    if (!pointer.startsWith("/")) {
      return "a JSON pointer starts with / (e.g. /spec/replicas)";
    }
    if (pointer.equals("/")) {
      return "names no field; ignoring a whole object is not supported";
    }
    for (int i = 0; i < pointer.length(); i++) {
      if (pointer.charAt(i) == '~' && (i + 1 == pointer.length() || "01".indexOf(pointer.charAt(i + 1)) < 0)) {
        return "~ must be followed by 0 (for ~) or 1 (for /)";
      }
    }
    return null;
  }

  private static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    for (String raw : pointer.substring(1).split("/", -1)) {
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  /** The pointers that parsed, as written. */
  public List<String> pointers() {
    return pointers;
  }

  /** Why each pointer that did not parse was left out, for the log. */
  public List<String> problems() {
    return problems;
  }

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
      int index = index(last);
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
      int index = index(token);
      return index >= 0 && index < list.size() ? list.get(index) : null;
    }
    return null;
  }

  /**
   * A copy of {@code desired} in which every ignored field that {@code desired} sets and
   * {@code live} has takes the live value, so applying it leaves those fields as they are. A list
   * item of {@code desired} is found in {@code live} by its name when it has one, else by index.
   * {@code desired} itself is not changed; without a live object or rules, the copy equals it.
   */
  public static GenericKubernetesResource respectLive(GenericKubernetesResource desired,
      GenericKubernetesResource live) {
    return of(desired).keepLive(desired, live);
  }

  /** {@link #respectLive} with these rules. */
  @SuppressWarnings("unchecked")
  public GenericKubernetesResource keepLive(GenericKubernetesResource desired, GenericKubernetesResource live) {
    if (paths.isEmpty() || live == null) {
      return Serialization.clone(desired);
    }
    Map<String, Object> tree = (Map<String, Object>) deepCopy(Projection.tree(desired));
    Map<String, Object> liveTree = Projection.tree(live);
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
        int index = index(token);
        if (index < 0 || index >= list.size()) {
          return;
        }
        Object counterpart = Projection.counterpart(list.get(index), index, liveList);
        if (counterpart == Projection.MISSING) {
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

  private static int index(String token) {
    if (token.isEmpty() || token.length() > 9 || !token.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(token);
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
