package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.schema.Schemas;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.Map;

/**
 * Where the objects a declaration's entry makes should point: the entry when it was written in the
 * declaration itself, else the declaration's name (for a default, or an entry a template wrote),
 * so that a {@code clusterc.dev/source} annotation always names a line of the user's file.
 */
public final class OwnSpans {
  private OwnSpans() {}

  /** The span of {@code key} written inside {@code decl}, else the declaration's name. */
  public static SourceSpan of(Decl decl, String key) {
    SourceSpan span = body(decl).spanOf(key, decl.site());
    SourceSpan own = decl.source().span();
    boolean inside = own.file() == span.file() && own.start() <= span.start() && span.end() <= own.end();
    return inside ? span : decl.site();
  }

  /**
   * A declaration's bound body, or an empty one with its kind's schema when binding left none, so
   * that lowering still finds the schema's defaults.
   */
  static BoundBlock body(Decl decl) {
    BoundBlock body = decl.body();
    return body != null ? body : new BoundBlock(decl.site(), Schemas.of(decl.kind()), Map.of());
  }
}
