package dev.clusterc.compiler.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Helm values laid over one another, as {@code use NAME { values … }} lays its values over the
 * component's and a {@code dns} declaration lays what it fixes over k8s-gateway's: maps merge key by
 * key, at every depth; anything else (a list, a scalar, a map meeting a non-map) is replaced.
 */
public final class Values {
  private Values() {}

  /** {@code override} deep-merged over {@code base}; neither is changed. Keys keep the order they were first written in. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    override.forEach((key, value) -> {
      Object under = out.get(key);
      if (under instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
        out.put(key, merge((Map<String, Object>) a, (Map<String, Object>) b));
      } else {
        out.put(key, value);
      }
    });
    return out;
  }
}
