package dev.clusterc.runtime.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * What holds for every desired object: its projection onto itself is itself (but for apiVersion and
 * kind, which name it); fields it does not have
 * never change a projection; a changed leaf it has always shows, at its own path.
 */
class ProjectionProperties {
  private static final List<String> KEYS = List.of("a", "b", "replicas", "image", "ports", "a/b", "x~y", "");

  @Property(tries = 300, edgeCases = EdgeCasesMode.FIRST)
  void theProjectionOfTheDesiredOntoItselfIsTheDesired(@ForAll("objects") Map<String, Object> desired) {
    Map<String, Object> withoutIdentity = new LinkedHashMap<>(desired);
    withoutIdentity.remove("apiVersion");
    assertEquals(withoutIdentity, Projection.of(desired, desired));
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.FIRST)
  void fieldsTheDesiredDoesNotHaveNeverChangeTheProjection(@ForAll("objects") Map<String, Object> desired) {
    @SuppressWarnings("unchecked")
    Map<String, Object> live = (Map<String, Object>) widened(desired);
    live.put("status", Map.of("replicas", 3));
    live.put("kind", "Thing");
    assertEquals(Projection.of(desired, desired), Projection.of(desired, live));
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.FIRST)
  void changingAProjectedLeafAlwaysShowsItsPath(@ForAll("objects") Map<String, Object> desired,
      @ForAll @IntRange(min = 0, max = 1000) int pick) {
    List<List<Object>> leaves = new ArrayList<>();
    leaves(desired, new ArrayList<>(), leaves);
    if (leaves.isEmpty()) {
      return;
    }
    List<Object> leaf = leaves.get(pick % leaves.size());
    Object changed = changedAt(desired, leaf, 0);
    @SuppressWarnings("unchecked")
    List<String> differences = Projection.differences(Projection.of(desired, desired),
        Projection.of(desired, (Map<String, Object>) changed));
    String path = pointer(leaf);
    if ("name".equals(leaf.get(leaf.size() - 1))) {
      // a named item renamed is another item: ours shows as missing, at the item's path
      assertEquals(List.of(pointer(leaf.subList(0, leaf.size() - 1))), differences);
    } else {
      assertEquals(List.of(path), differences);
    }
    assertFalse(path.isEmpty());
    assertTrue(differences.stream().allMatch(path::startsWith));
  }

  // ---- generators

  @Provide
  Arbitrary<Map<String, Object>> objects() {
    Arbitrary<Map<String, Object>> labels = Arbitraries.maps(Arbitraries.of("app", "tier", "example.com/x"),
        scalar().map(String::valueOf)).ofMaxSize(3).map(m -> new LinkedHashMap<String, Object>(m));
    return Combinators.combine(map(3), labels, Arbitraries.of(true, false)).as((spec, labelMap, withData) -> {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("apiVersion", "v1");
      object.put(withData ? "data" : "spec", spec);
      if (!labelMap.isEmpty()) {
        object.put("metadata", new LinkedHashMap<>(Map.of("labels", labelMap)));
      }
      return object;
    });
  }

  private static Arbitrary<Object> scalar() {
    return Arbitraries.oneOf(Arbitraries.strings().alpha().ofMaxLength(3), Arbitraries.integers().between(0, 5),
        Arbitraries.of(true, false));
  }

  private static Arbitrary<Map<String, Object>> map(int depth) {
    return Arbitraries.maps(Arbitraries.of(KEYS), value(depth)).ofMaxSize(4)
        .map(m -> new LinkedHashMap<String, Object>(m));
  }

  private static Arbitrary<Object> value(int depth) {
    if (depth == 0) {
      return scalar();
    }
    return Arbitraries.oneOf(scalar(), map(depth - 1).map(m -> m), scalar().list().ofMaxSize(3).map(l -> l),
        map(depth - 1).list().ofMaxSize(3).map(l -> new ArrayList<Object>(l)),
        Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(3), map(depth - 1)).ofMaxSize(3)
            .map(ProjectionProperties::named));
  }

  /** Items of a list keyed by name, as containers are. */
  private static Object named(Map<String, ? extends Map<String, Object>> byName) {
    List<Object> items = new ArrayList<>();
    byName.forEach((name, item) -> {
      Map<String, Object> copy = new LinkedHashMap<>(item);
      copy.put("name", name);
      items.add(copy);
    });
    return items;
  }

  // ---- tree surgery

  /** A deep copy with a field added to every map and an item added to every list. */
  private static Object widened(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, widened(v)));
      copy.put("zz-added", "by another tool");
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      boolean named = !list.isEmpty() && list.stream().allMatch(i -> dev.clusterc.runtime.kube.ListItems.nameOf(i) != null);
      if (named) {
        copy.add(Map.of("name", "zz-injected", "image", "sidecar")); // first, so positions shift
      }
      list.forEach(item -> copy.add(widened(item)));
      if (!named) {
        copy.add("trailing");
      }
      return copy;
    }
    return value;
  }

  private static void leaves(Object value, List<Object> path, List<List<Object>> out) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        List<Object> child = new ArrayList<>(path);
        child.add(k);
        leaves(v, child, out);
      });
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        List<Object> child = new ArrayList<>(path);
        child.add(i);
        leaves(list.get(i), child, out);
      }
    } else if (!path.isEmpty() && !path.get(0).equals("apiVersion")) {
      out.add(path);
    }
  }

  /** A deep copy with the leaf at {@code path} set to a value no generated leaf has. */
  private static Object changedAt(Object value, List<Object> path, int at) {
    if (at == path.size()) {
      return "changed-" + value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, k.equals(path.get(at)) ? changedAt(v, path, at + 1) : v));
      return copy;
    }
    List<Object> copy = new ArrayList<>((List<?>) value);
    int index = (Integer) path.get(at);
    copy.set(index, changedAt(copy.get(index), path, at + 1));
    return copy;
  }

  private static String pointer(List<Object> path) {
    StringBuilder pointer = new StringBuilder();
    path.forEach(token -> pointer.append('/').append(dev.clusterc.runtime.kube.JsonPointer.escape(String.valueOf(token))));
    return pointer.toString();
  }
}
