package dev.clusterc.compiler.api;

import dev.clusterc.compiler.schema.Property;
import dev.clusterc.compiler.schema.Slot;
import dev.clusterc.compiler.schema.ValueType;
import dev.clusterc.compiler.types.Duration;
import java.util.List;

/**
 * An entry's default as it would be written in a source ({@code 10m}, {@code "main"},
 * {@code [crds, apps]}), for an editor to show beside the entry.
 */
final class EntryDefaults {
  private EntryDefaults() {}

  /** The default of {@code property} written as source text, or {@code null} when it has none. */
  static String written(Property property) {
    return written(property.defaultValue(), isString(property));
  }

  private static String written(Object value, boolean string) {
    if (value == null) {
      return null;
    } else if (value instanceof java.time.Duration duration) {
      return Duration.ofSeconds(duration.getSeconds()).toString();
    } else if (value instanceof List<?> list) {
      return list.stream().map(v -> written(v, string)).toList().toString();
    } else if (value instanceof String text && string) {
      return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    return String.valueOf(value);
  }

  private static boolean isString(Property property) {
    return property.slots().size() == 1 && property.slots().get(0) instanceof Slot.Value value
        && value.type() == ValueType.Scalar.STRING;
  }
}
