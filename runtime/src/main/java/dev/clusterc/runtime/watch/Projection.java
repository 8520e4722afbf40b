package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.kube.JsonPointer;
import dev.clusterc.runtime.kube.ListItems;
import dev.clusterc.runtime.model.Kinds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The part of a live object that clusterc decides: the live values at the field paths the desired
 * object has. Two projections of one object differ only when someone changed a field clusterc sets,
 * never for status, server bookkeeping or fields other tools set.
 *
 * <p>Maps are restricted key by key; lists item by item, by index, except lists of maps that carry a
 * {@code name}, which are matched by name (containers, env, ports), so an item another tool inserts
 * does not shift ours. Of the metadata only the labels and annotations the desired object sets count,
 * without {@value Kinds#REVISION}. A Secret's {@code stringData} (never returned by the server)
 * counts as the {@code data} keys it becomes.
 */
public final class Projection {
  private Projection() {}

  /** {@code live} projected onto the paths of {@code desired}; empty when {@code live} is null. */
  public static Map<String, Object> of(HasMetadata desired, HasMetadata live) {
    return of(wanted(desired), live == null ? null : tree(live));
  }

  /**
   * The tree of {@code desired} whose paths a projection keeps: {@code desired} as a tree, a Secret's
   * {@code stringData} as {@code data}. Whoever projects often onto one desired object keeps this and
   * calls {@link #of(Map, Map)}.
   */
  public static Map<String, Object> wanted(HasMetadata desired) {
    Map<String, Object> wanted = tree(desired);
    return isSecret(desired) ? withStringDataAsData(wanted) : wanted;
  }

  /** {@link #of(HasMetadata, HasMetadata)} on plain trees (maps, lists, scalars). */
  public static Map<String, Object> of(Map<String, Object> desired, Map<String, Object> live) {
    Map<String, Object> projected = new TreeMap<>();
    if (live == null) {
      return projected;
    }
    desired.forEach((key, value) -> {
      switch (key) {
        case "apiVersion", "kind", "status" -> { } // identity, or never ours
        case "metadata" -> {
          Map<String, Object> metadata = metadata(value, live.get("metadata"));
          if (!metadata.isEmpty()) {
            projected.put(key, metadata);
          }
        }
        default -> {
          if (live.containsKey(key)) {
            projected.put(key, restrict(live.get(key), value));
          }
        }
      }
    });
    return projected;
  }

  /** The labels and annotations {@code desired} sets, with their live values. */
  private static Map<String, Object> metadata(Object desired, Object live) {
    Map<String, Object> kept = new TreeMap<>();
    if (!(desired instanceof Map<?, ?> wanted) || !(live instanceof Map<?, ?> actual)) {
      return kept;
    }
    for (String key : List.of("labels", "annotations")) {
      if (wanted.get(key) instanceof Map<?, ?> wantedKeys) {
        Map<String, Object> values = new TreeMap<>();
        Map<?, ?> liveKeys = actual.get(key) instanceof Map<?, ?> m ? m : Map.of();
        wantedKeys.keySet().forEach(name -> {
          if (!Kinds.REVISION.equals(name) && liveKeys.containsKey(name)) {
            values.put((String) name, liveKeys.get(name));
          }
        });
        kept.put(key, values);
      }
    }
    return kept;
  }

  /** {@code live} restricted to the shape of {@code desired}. */
  static Object restrict(Object live, Object desired) {
    if (live instanceof Map<?, ?> map && desired instanceof Map<?, ?> wanted) {
      Map<String, Object> kept = new TreeMap<>();
      wanted.forEach((key, child) -> {
        if (map.containsKey(key)) {
          kept.put((String) key, restrict(map.get(key), child));
        }
      });
      return kept;
    }
    if (live instanceof List<?> list && desired instanceof List<?> wanted) {
      List<Object> kept = new ArrayList<>();
      for (int i = 0; i < wanted.size(); i++) {
        Object counterpart = ListItems.counterpart(wanted.get(i), i, list);
        if (counterpart != ListItems.MISSING) {
          kept.add(restrict(counterpart, wanted.get(i)));
        }
      }
      return kept;
    }
    return live;
  }

  /**
   * The JSON pointers (RFC 6901) at which two projections differ, sorted; empty when they are equal.
   * A key or item present on one side only is reported at its own path.
   */
  public static List<String> differences(Object baseline, Object current) {
    List<String> paths = new ArrayList<>();
    collect("", baseline, current, paths);
    return paths;
  }

  private static void collect(String path, Object a, Object b, List<String> paths) {
    if (a instanceof Map<?, ?> left && b instanceof Map<?, ?> right) {
      TreeSet<String> keys = new TreeSet<>();
      left.keySet().forEach(k -> keys.add(String.valueOf(k)));
      right.keySet().forEach(k -> keys.add(String.valueOf(k)));
      for (String key : keys) {
        String child = path + "/" + JsonPointer.escape(key);
        if (!left.containsKey(key) || !right.containsKey(key)) {
          paths.add(child);
        } else {
          collect(child, left.get(key), right.get(key), paths);
        }
      }
    } else if (a instanceof List<?> left && b instanceof List<?> right) {
      if (allNamed(left) && allNamed(right)) {
        Map<Object, Integer> rightIndex = new LinkedHashMap<>();
        for (int i = 0; i < right.size(); i++) {
          rightIndex.putIfAbsent(ListItems.nameOf(right.get(i)), i);
        }
        for (int i = 0; i < left.size(); i++) {
          Integer j = rightIndex.remove(ListItems.nameOf(left.get(i)));
          if (j == null) {
            paths.add(path + "/" + i);
          } else {
            collect(path + "/" + i, left.get(i), right.get(j), paths);
          }
        }
        rightIndex.values().forEach(j -> paths.add(path + "/" + j));
      } else {
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
          if (i >= left.size() || i >= right.size()) {
            paths.add(path + "/" + i);
          } else {
            collect(path + "/" + i, left.get(i), right.get(i), paths);
          }
        }
      }
    } else if (!same(a, b)) {
      paths.add(path);
    }
  }

  private static boolean allNamed(List<?> list) {
    return !list.isEmpty() && list.stream().allMatch(item -> ListItems.nameOf(item) != null);
  }

  /** Equal values; numbers by value, so {@code 1} read as an int and as a long are the same. */
  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return Objects.equals(a, b);
  }

  /** An object as a plain tree of maps, lists and scalars. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> tree(HasMetadata object) {
    return Serialization.jsonMapper().convertValue(object, Map.class);
  }

  private static boolean isSecret(HasMetadata object) {
    return "Secret".equals(object.getKind()) && "v1".equals(object.getApiVersion());
  }

  /** A desired Secret with its {@code stringData} entries as the {@code data} entries the server keeps. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> withStringDataAsData(Map<String, Object> secret) {
    if (!(secret.get("stringData") instanceof Map<?, ?> strings)) {
      return secret;
    }
    Map<String, Object> copy = new LinkedHashMap<>(secret);
    Map<String, Object> data = copy.get("data") instanceof Map<?, ?> d
        ? new LinkedHashMap<>((Map<String, Object>) d) : new LinkedHashMap<>();
    strings.forEach((key, value) -> data.put((String) key,
        Base64.getEncoder().encodeToString(String.valueOf(value).getBytes(StandardCharsets.UTF_8))));
    copy.remove("stringData");
    copy.put("data", data);
    return copy;
  }
}
