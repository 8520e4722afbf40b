package dev.clusterc.compiler.api;

import dev.clusterc.compiler.schema.Property;
import dev.clusterc.compiler.schema.Schema;
import dev.clusterc.compiler.schema.Schemas;
import dev.clusterc.compiler.syntax.Block;
import dev.clusterc.compiler.syntax.Entry;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import dev.clusterc.compiler.syntax.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The outline of one document, from its syntax alone so that a file with errors still has one:
 * each top-level item, and inside it the entries that open a block of their own (a gateway's
 * listeners, the cluster's {@code network}); one-line entries would only repeat the text.
 */
final class OutlineBuilder {
  private OutlineBuilder() {}

  static List<OutlineItem> outline(SourceUnit unit) {
    List<OutlineItem> items = new ArrayList<>();
    for (Item item : unit.items()) {
      OutlineItem line = item(item);
      if (line != null) {
        items.add(line);
      }
    }
    return List.copyOf(items);
  }

  private static OutlineItem item(Item item) {
    if (item instanceof Item.Declaration d && d.kind() != null) {
      String name = d.name() == null ? "" : d.name().text();
      var selection = d.name() == null ? d.kind().span() : d.name().span();
      return new OutlineItem(d.kind().text(), name, d.span(), selection, children(d.body(), ItemSchemas.schemaOf(d).orElse(null)));
    } else if (item instanceof Item.Use u && u.name() != null) {
      return new OutlineItem("use", u.name().text(), u.span(), u.name().span(), children(u.body(), Schemas.USE));
    } else if (item instanceof Item.Template t && t.name() != null) {
      return new OutlineItem("template", t.name().text(), t.span(), t.name().span(), children(t.body(), ItemSchemas.schemaOf(t).orElse(null)));
    } else if (item instanceof Item.Import i && i.path() != null) {
      return new OutlineItem("import", i.path().raw(), i.span(), i.path().span(), List.of());
    }
    return null;
  }

  /** Entries with a block, or whose schema gives them one ({@code listener http {}} is written as an empty map). */
  private static List<OutlineItem> children(Block block, Schema schema) {
    if (block == null) {
      return List.of();
    }
    List<OutlineItem> children = new ArrayList<>();
    for (Entry entry : block.entries()) {
      Schema inner = schema == null ? null : schema.property(entry.key().text()).map(Property::block).orElse(null);
      if (entry.block() != null || inner != null) {
        String name = entry.args().isEmpty() || entry.args().get(0) instanceof Value.MapOf ? "" : entry.args().get(0).span().text();
        children.add(new OutlineItem(entry.key().text(), name, entry.span(), entry.key().span(), children(entry.block(), inner)));
      }
    }
    return children;
  }
}
