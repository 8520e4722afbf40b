package dev.clusterc.compiler.api;

import dev.clusterc.compiler.schema.Property;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** An entry's schema default as it would be written in a {@code .cluster} file ({@code 10m}, {@code "main"}, {@code [a, b]}). */
final class EntryDefaults {
  private EntryDefaults() {}

  /** The default written out, or {@code null} when the entry has none. */
  static String written(Property property) {
    Object value = property.defaultValue();
    return value == null ? null : written(value, property.signature().contains("STRING"));
  }

  private static String written(Object value, boolean string) {
    if (value instanceof Duration duration) {
      long seconds = duration.getSeconds();
      return seconds % 3600 == 0 && seconds > 0 ? seconds / 3600 + "h"
          : seconds % 60 == 0 && seconds > 0 ? seconds / 60 + "m" : seconds + "s";
    } else if (value instanceof List<?> list) {
      return list.stream().map(v -> written(v, false)).collect(Collectors.joining(", ", "[", "]"));
    } else if (value instanceof String text && string) {
      return "\"" + text + "\"";
    }
    return String.valueOf(value);
  }
}
