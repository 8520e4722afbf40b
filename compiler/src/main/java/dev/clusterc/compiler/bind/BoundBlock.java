package dev.clusterc.compiler.bind;

import dev.clusterc.compiler.schema.Property;
import dev.clusterc.compiler.schema.Schema;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A block after binding: entries by keyword, in source order, with the schema's defaults behind
 * them. The accessors read the single value of one-argument entries.
 */
public record BoundBlock(SourceSpan span, Schema schema, Map<String, List<BoundEntry>> entries) {

  public List<BoundEntry> all(String key) {
    return entries.getOrDefault(key, List.of());
  }

  public Optional<BoundEntry> first(String key) {
    List<BoundEntry> found = all(key);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  public boolean has(String key) {
    return !all(key).isEmpty();
  }

  /** The value of a one-argument entry, when written and well-typed. */
  public Optional<Typed> value(String key) {
    return first(key).map(BoundEntry::value);
  }

  /** The schema's default of an entry, or {@code null}. */
  public Object defaultOf(String key) {
    return schema.property(key).map(Property::defaultValue).orElse(null);
  }

  public Optional<String> str(String key) {
    return value(key).map(t -> t instanceof Typed.Str s ? s.value() : t instanceof Typed.Sym s ? s.value() : null)
        .or(() -> Optional.ofNullable(defaultOf(key) instanceof String s ? s : null));
  }

  /** A symbol or choice word, or its default. */
  public Optional<String> sym(String key) {
    return value(key).filter(Typed.Sym.class::isInstance).map(t -> ((Typed.Sym) t).value())
        .or(() -> Optional.ofNullable(defaultOf(key) instanceof String s ? s : null));
  }

  public Optional<Long> integer(String key) {
    return value(key).filter(Typed.Int.class::isInstance).map(t -> ((Typed.Int) t).value())
        .or(() -> Optional.ofNullable(defaultOf(key) instanceof Long l ? l : null));
  }

  public Optional<Boolean> bool(String key) {
    return value(key).filter(Typed.Bool.class::isInstance).map(t -> ((Typed.Bool) t).value())
        .or(() -> Optional.ofNullable(defaultOf(key) instanceof Boolean b ? b : null));
  }

  public <T extends Typed> Optional<T> typed(String key, Class<T> type) {
    return value(key).filter(type::isInstance).map(type::cast);
  }

  /** The span to point at for an entry, or {@code fallback} when it was not written. */
  public SourceSpan spanOf(String key, SourceSpan fallback) {
    return first(key).map(e -> e.entry().span()).orElse(fallback);
  }
}
