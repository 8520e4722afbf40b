package dev.clusterc.compiler.bind;

import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.AddressRange;
import dev.clusterc.compiler.types.Cidr;
import dev.clusterc.compiler.types.Duration;
import dev.clusterc.compiler.types.Ipv4;
import dev.clusterc.compiler.types.Quantity;
import java.util.List;
import java.util.Map;

/** A value read by the type of its position, still carrying the span it was written at. */
public sealed interface Typed {
  SourceSpan span();

  /** A string with its interpolations resolved. */
  record Str(SourceSpan span, String value) implements Typed {}

  record Int(SourceSpan span, long value) implements Typed {}

  record Qty(SourceSpan span, Quantity value) implements Typed {}

  record Dur(SourceSpan span, Duration value) implements Typed {}

  record Addr(SourceSpan span, Ipv4 value) implements Typed {}

  record Net(SourceSpan span, Cidr value) implements Typed {}

  record Span(SourceSpan span, AddressRange value) implements Typed {}

  record Bool(SourceSpan span, boolean value) implements Typed {}

  /** A symbol or a choice word. */
  record Sym(SourceSpan span, String value) implements Typed {}

  /** A reference; {@code target} is {@code null} when it named nothing (already reported). */
  record Ref(SourceSpan span, String name, Decl target) implements Typed {}

  record Items(SourceSpan span, List<Typed> items) implements Typed {}

  /** A map, in source order; {@code keySpans} say where each key was written. */
  record Entries(SourceSpan span, Map<String, Typed> values, Map<String, SourceSpan> keySpans) implements Typed {}

  /** The value as plain data for emitting (strings, longs, booleans, lists, maps). */
  default Object plain() {
    if (this instanceof Str s) {
      return s.value();
    } else if (this instanceof Int i) {
      return i.value();
    } else if (this instanceof Bool b) {
      return b.value();
    } else if (this instanceof Sym s) {
      return s.value();
    } else if (this instanceof Ref r) {
      return r.name();
    } else if (this instanceof Items l) {
      return l.items().stream().map(Typed::plain).toList();
    } else if (this instanceof Entries m) {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      m.values().forEach((k, v) -> out.put(k, v.plain()));
      return out;
    }
    return span().text();
  }
}
