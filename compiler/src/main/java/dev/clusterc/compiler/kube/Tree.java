package dev.clusterc.compiler.kube;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small constructors for the maps and lists of a {@link KubeObject}, so emitters read as the YAML they make. */
public final class Tree {
  private Tree() {}

  /**
   * A map of alternating keys and values; an entry whose value is {@code null} is left out, so
   * optional fields need no {@code if}.
   */
  public static Map<String, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        map.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return map;
  }

  /** A list of the values that are not {@code null}. */
  public static List<Object> list(Object... values) {
    List<Object> list = new ArrayList<>(values.length);
    for (Object value : values) {
      if (value != null) {
        list.add(value);
      }
    }
    return list;
  }

  /** A deep copy of a tree of maps and lists; scalars are shared (they are immutable). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> copy(Map<String, ?> tree) {
    Map<String, Object> copy = new LinkedHashMap<>();
    tree.forEach((key, value) -> copy.put(key, copyValue(value)));
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Object copyValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return copy((Map<String, ?>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(copyValue(v)));
      return copy;
    }
    return value;
  }
}
