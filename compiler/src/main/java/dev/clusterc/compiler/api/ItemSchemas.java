package dev.clusterc.compiler.api;

import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.schema.Schema;
import dev.clusterc.compiler.schema.Schemas;
import dev.clusterc.compiler.syntax.Block;
import dev.clusterc.compiler.syntax.Item;
import java.util.Optional;

/**
 * Which schema the entries of a top-level item follow, read from its syntax alone (a template's
 * body follows its kind's, a {@code use} body the {@code use} entries), so that a document that
 * does not bind still has entries to complete and outline.
 */
final class ItemSchemas {
  private ItemSchemas() {}

  /** The block of a declaration, {@code use} or template; {@code null} for an import or when none was written. */
  static Block body(Item item) {
    if (item instanceof Item.Declaration d) {
      return d.body();
    } else if (item instanceof Item.Use u) {
      return u.body();
    } else if (item instanceof Item.Template t) {
      return t.body();
    }
    return null;
  }

  /** The schema of an item's entries: its kind's, the template's kind's, or {@code use}'s. */
  static Optional<Schema> schemaOf(Item item) {
    if (item instanceof Item.Declaration d && d.kind() != null) {
      return Kind.of(d.kind().text()).map(Schemas::of);
    } else if (item instanceof Item.Template t && t.kind() != null) {
      return Kind.of(t.kind().text()).map(Schemas::of);
    } else if (item instanceof Item.Use) {
      return Optional.of(Schemas.USE);
    }
    return Optional.empty();
  }

  /** How completion and entry answers name the owner of an item's entries: its kind keyword, or {@code use}. */
  static String ownerOf(Item item) {
    if (item instanceof Item.Declaration d && d.kind() != null) {
      return d.kind().text();
    } else if (item instanceof Item.Template t && t.kind() != null) {
      return t.kind().text();
    }
    return item instanceof Item.Use ? "use" : "";
  }
}
