package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.schema.Schemas;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code ignore-drift POINTER [in KIND]}: a field of the declaration's objects that something
 * else in the cluster owns (the replicas an HPA sets), which clusterc's runtime leaves out of drift
 * detection and keeps at its live value when it applies the object again. The emitters write the
 * pointers into the objects' {@code clusterc.dev/drift-ignore} annotation.
 *
 * @param pointer the JSON pointer (RFC 6901) as written, or {@code null} when it did not bind
 * @param kind the object kind it is limited to, or {@code null} for every object of the declaration
 * @param span the whole entry
 */
public record DriftIgnore(Typed.Str pointer, Typed.Sym kind, SourceSpan span) {

  /**
   * The rules of a declaration in source order: its own {@code ignore-drift} entries, then those of
   * the {@code use} that turned it on (which add to a component's, as its {@code depends-on} do).
   */
  public static List<DriftIgnore> of(Decl decl) {
    List<DriftIgnore> rules = new ArrayList<>();
    add(decl.body(), rules);
    add(decl.useBody(), rules);
    return List.copyOf(rules);
  }

  private static void add(BoundBlock block, List<DriftIgnore> rules) {
    if (block == null) {
      return;
    }
    for (BoundEntry entry : block.all(Schemas.IGNORE_DRIFT)) {
      Typed.Str pointer = entry.get("pointer").filter(Typed.Str.class::isInstance).map(Typed.Str.class::cast).orElse(null);
      Typed.Sym kind = entry.get("kind").filter(Typed.Sym.class::isInstance).map(Typed.Sym.class::cast).orElse(null);
      rules.add(new DriftIgnore(pointer, kind, entry.entry().span()));
    }
  }

  /** Whether the rule applies to an object of {@code objectKind}: it names that kind, or none. */
  public boolean covers(String objectKind) {
    return kind == null || kind.value().equals(objectKind);
  }
}
