package dev.clusterc.runtime.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Tolerant reads from an object as the API server sends it (nested maps and lists): a missing
 * field or one of the wrong type reads as absent, so a malformed status never throws.
 */
final class Fields {
  private Fields() {}

  /** The value at {@code path} below {@code object}, or null. */
  static Object at(Map<?, ?> object, String... path) {
    Object here = object;
    for (String key : path) {
      if (!(here instanceof Map<?, ?> map)) {
        return null;
      }
      here = map.get(key);
    }
    return here;
  }

  /** The map at {@code path}, or an empty map. */
  static Map<?, ?> map(Map<?, ?> object, String... path) {
    return at(object, path) instanceof Map<?, ?> map ? map : Map.of();
  }

  /** The list at {@code path}, or an empty list. */
  static List<?> list(Map<?, ?> object, String... path) {
    return at(object, path) instanceof List<?> list ? list : List.of();
  }

  /** The string at {@code path}, or {@code fallback}. */
  static String string(Map<?, ?> object, String fallback, String... path) {
    return at(object, path) instanceof String s ? s : fallback;
  }

  /** The whole number at {@code path}, or null (a fraction is not a whole number). */
  static Long whole(Map<?, ?> object, String... path) {
    Object value = at(object, path);
    if (value instanceof Number n && !(value instanceof Double || value instanceof Float
        || value instanceof BigDecimal)) {
      return n.longValue();
    }
    return null;
  }

  /** The whole number at {@code path}, or {@code fallback}. */
  static long whole(Map<?, ?> object, long fallback, String... path) {
    Long value = whole(object, path);
    return value == null ? fallback : value;
  }

  /** The boolean at {@code path}, or {@code fallback}. */
  static boolean bool(Map<?, ?> object, boolean fallback, String... path) {
    return at(object, path) instanceof Boolean b ? b : fallback;
  }
}
