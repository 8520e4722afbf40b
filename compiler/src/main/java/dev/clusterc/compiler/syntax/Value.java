package dev.clusterc.compiler.syntax;

import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;

/**
 * A value as written. Its type is not decided here: {@code 5m} is a quantity or a duration, and a
 * {@link Word} a symbol, a boolean or a reference, depending on the position it stands in.
 */
public sealed interface Value extends Node {

  /** A string or text block; {@code parts} alternate literal text and {@code ${…}} interpolations. */
  record Str(SourceSpan span, List<StrPart> parts, boolean textBlock) implements Value {
    /** The text with interpolations written back as {@code ${path}}. */
    public String raw() {
      StringBuilder out = new StringBuilder();
      for (StrPart part : parts) {
        out.append(part instanceof StrPart.Text t ? t.text() : "${" + ((StrPart.Interpolation) part).path() + "}");
      }
      return out.toString();
    }

    public boolean isPlain() {
      return parts.stream().allMatch(p -> p instanceof StrPart.Text);
    }
  }

  /** {@code 3}, {@code 1.5}, {@code 5Gi}, {@code 100m}, {@code 1h30m}. */
  record Number(SourceSpan span, String text) implements Value {}

  /** {@code 10.0.50.1} */
  record Ip(SourceSpan span, String text) implements Value {}

  /** {@code 10.0.0.0/16} */
  record Cidr(SourceSpan span, String text) implements Value {}

  /** {@code 10.0.50.100..10.0.50.199} */
  record Range(SourceSpan span, String text) implements Value {}

  /** An identifier: a symbol, a boolean or a reference. */
  record Word(SourceSpan span, String text) implements Value {}

  /** {@code $param} in a template. */
  record Param(SourceSpan span, String name) implements Value {}

  /** {@code [a, b]}; {@code closed} is false when the {@code ]} is missing. */
  record ListOf(SourceSpan span, List<Value> items, boolean closed) implements Value {}

  /** {@code { k: v }}; {@code closed} is false when the {@code }} is missing. */
  record MapOf(SourceSpan span, List<MapEntry> entries, boolean closed) implements Value {}

  /** One {@code key: value} of a map. */
  record MapEntry(SourceSpan span, Name key, Value value) implements Node {}

  /** Something that could not be parsed as a value; a syntax diagnostic was reported for it. */
  record Bad(SourceSpan span) implements Value {}
}
