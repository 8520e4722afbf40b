package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.Quantity;

/**
 * A value of a lowered record and where it was written: emitters read the value, the checks of
 * written values (ranges, sizes) point at the span. The span is {@code null} for a value the schema
 * supplied, which needs no check.
 *
 * @param value the value, written or the schema's default
 * @param span where it was written, or {@code null} for a default
 */
public record Written<T>(T value, SourceSpan span) {

  /** A value the schema supplied. */
  static <T> Written<T> byDefault(T value) {
    return new Written<>(value, null);
  }

  static Written<Long> of(Typed.Int written) {
    return new Written<>(written.value(), written.span());
  }

  static Written<Quantity> of(Typed.Qty written) {
    return new Written<>(written.value(), written.span());
  }

  /** Whether the value was written rather than supplied by the schema. */
  public boolean isWritten() {
    return span != null;
  }
}
