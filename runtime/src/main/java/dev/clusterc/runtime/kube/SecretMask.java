package dev.clusterc.runtime.kube;

import dev.clusterc.runtime.model.ObjectId;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Hides a Secret's values before two versions of it are shown side by side: every value of
 * {@code data} and {@code stringData} becomes {@value #HIDDEN}, and a value that differs between
 * the two sides becomes {@value #CHANGED} on the new side, so a diff still says which key changed
 * without saying to what.
 */
final class SecretMask {
  static final String HIDDEN = "(hidden)";
  static final String CHANGED = "(hidden, changed)";

  private SecretMask() {}

  static boolean isSecret(ObjectId id) {
    return id.group().isEmpty() && "Secret".equals(id.kind());
  }

  /** Masks {@code before} and {@code after} (trees of the same Secret) in place; either may be null. */
  static void mask(Map<String, Object> before, Map<String, Object> after) {
    for (String field : new String[] {"data", "stringData"}) {
      Map<?, ?> old = before == null ? null : (Map<?, ?>) before.get(field);
      Map<?, ?> now = after == null ? null : (Map<?, ?>) after.get(field);
      if (old != null) {
        before.put(field, masked(old, null));
      }
      if (now != null) {
        after.put(field, masked(now, old));
      }
    }
  }

  /**
   * Moves a desired Secret's {@code stringData} keys into {@code data}, as the server stores them, so
   * the desired tree names the fields the live Secret has. The values themselves are never shown.
   */
  static void foldStringData(Map<String, Object> desired) {
    if (desired.remove("stringData") instanceof Map<?, ?> strings) {
      Map<String, Object> data = new TreeMap<>();
      if (desired.get("data") instanceof Map<?, ?> existing) {
        existing.forEach((key, value) -> data.put(String.valueOf(key), value));
      }
      strings.forEach((key, value) -> data.put(String.valueOf(key), value));
      desired.put("data", data);
    }
  }

  private static Map<String, Object> masked(Map<?, ?> values, Map<?, ?> compareTo) {
    Map<String, Object> masked = new TreeMap<>();
    values.forEach((key, value) -> masked.put(String.valueOf(key),
        compareTo == null || Objects.equals(compareTo.get(key), value) ? HIDDEN : CHANGED));
    return masked;
  }
}
