package dev.clusterc.compiler.bind;

import dev.clusterc.compiler.schema.Property;
import dev.clusterc.compiler.syntax.Entry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry after binding: its values by slot name ({@code value} for one-argument entries) and
 * its bound block. A slot whose value was missing or wrong is absent; the problem was reported.
 */
public record BoundEntry(Entry entry, Property property, Map<String, Typed> slots, BoundBlock block) {

  public Optional<Typed> get(String slot) {
    return Optional.ofNullable(slots.get(slot));
  }

  public Typed value() {
    return slots.get(Property.VALUE);
  }

  public Optional<String> str(String slot) {
    return get(slot).map(t -> t instanceof Typed.Str s ? s.value() : t instanceof Typed.Sym s ? s.value() : null);
  }

  public Optional<String> sym(String slot) {
    return get(slot).filter(Typed.Sym.class::isInstance).map(t -> ((Typed.Sym) t).value());
  }

  public Optional<Long> integer(String slot) {
    return get(slot).filter(Typed.Int.class::isInstance).map(t -> ((Typed.Int) t).value());
  }

  /** The declaration a reference slot names, when it resolved. */
  public Optional<Decl> ref(String slot) {
    return get(slot).filter(Typed.Ref.class::isInstance).map(t -> ((Typed.Ref) t).target());
  }

  /** The declarations a list-of-references slot names, those that resolved. */
  public List<Decl> refs(String slot) {
    return get(slot).filter(Typed.Items.class::isInstance)
        .map(t -> ((Typed.Items) t).items().stream()
            .filter(Typed.Ref.class::isInstance).map(r -> ((Typed.Ref) r).target())
            .filter(java.util.Objects::nonNull).toList())
        .orElse(List.of());
  }

  /** The first argument's text, which keys a repeatable entry (the port's name, the mount's volume). */
  public String firstArgument() {
    return entry.args().isEmpty() ? "" : entry.args().get(0).span().text();
  }
}
