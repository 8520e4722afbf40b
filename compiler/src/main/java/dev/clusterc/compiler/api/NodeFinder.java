package dev.clusterc.compiler.api;

import dev.clusterc.compiler.api.SyntaxNode.Role;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Block;
import dev.clusterc.compiler.syntax.Entry;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.Name;
import dev.clusterc.compiler.syntax.Node;
import dev.clusterc.compiler.syntax.SourceUnit;
import dev.clusterc.compiler.syntax.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a parsed file down to an offset: the top-level item around it, the entries nested around
 * it, and the innermost node. A span contains the offsets from its start up to and including its
 * end, so that a cursor just after a word is still on it, as editors expect. Parts the parser could
 * not read are {@code null} and are skipped.
 */
final class NodeFinder {
  /** What lies at an offset: {@code item} is {@code null} between items; {@code entries} go outermost first. */
  record Trail(Item item, List<Entry> entries, SyntaxNode node) {
    Entry innermostEntry() {
      return entries.isEmpty() ? null : entries.get(entries.size() - 1);
    }
  }

  private NodeFinder() {}

  static boolean contains(Node node, int offset) {
    return node != null && contains(node.span(), offset);
  }

  static boolean contains(SourceSpan span, int offset) {
    return span.start() <= offset && offset <= span.end();
  }

  static Trail find(SourceUnit unit, int offset) {
    for (Item item : unit.items()) {
      if (contains(item, offset)) {
        List<Entry> entries = new ArrayList<>();
        SyntaxNode node = inItem(item, offset, entries);
        return new Trail(item, List.copyOf(entries), node);
      }
    }
    return new Trail(null, List.of(), null);
  }

  private static SyntaxNode inItem(Item item, int offset, List<Entry> entries) {
    if (item instanceof Item.Declaration d) {
      SyntaxNode found = first(offset, name(d.kind(), Role.KIND), name(d.name(), Role.NAME));
      if (found == null && d.from() != null && contains(d.from(), offset)) {
        found = inCall(d.from(), offset);
      }
      return found != null ? found : inBody(item, d.body(), offset, entries);
    } else if (item instanceof Item.Use u) {
      SyntaxNode found = name(u.name(), Role.NAME);
      return found != null && contains(found.span(), offset) ? found : inBody(item, u.body(), offset, entries);
    } else if (item instanceof Item.Template t) {
      SyntaxNode found = first(offset, name(t.name(), Role.NAME), name(t.kind(), Role.KIND));
      for (Item.Param param : t.params()) {
        if (found == null && contains(param, offset)) {
          found = contains(param.name(), offset) ? name(param.name(), Role.PARAMETER)
              : contains(param.defaultValue(), offset) ? inValue(param.defaultValue(), offset)
              : name(param.type(), Role.KIND);
        }
      }
      return found != null ? found : inBody(item, t.body(), offset, entries);
    } else if (item instanceof Item.Import i && contains(i.path(), offset)) {
      return inValue(i.path(), offset);
    }
    return node(item, Role.DECLARATION);
  }

  private static SyntaxNode inCall(Item.TemplateCall call, int offset) {
    if (contains(call.template(), offset)) {
      return name(call.template(), Role.TEMPLATE_NAME);
    }
    for (Item.Arg arg : call.args()) {
      if (contains(arg.name(), offset)) {
        return name(arg.name(), Role.PARAMETER);
      } else if (contains(arg.value(), offset)) {
        return inValue(arg.value(), offset);
      }
    }
    return null;
  }

  private static SyntaxNode inBody(Item item, Block body, int offset, List<Entry> entries) {
    if (body == null || !contains(body, offset)) {
      return node(item, Role.DECLARATION);
    }
    Block block = body;
    SyntaxNode found = null;
    while (block != null && found == null) {
      Entry entry = block.entries().stream().filter(e -> contains(e, offset)).findFirst().orElse(null);
      if (entry == null) {
        return entries.isEmpty() ? node(item, Role.DECLARATION) : node(entries.get(entries.size() - 1), Role.ENTRY);
      }
      entries.add(entry);
      if (contains(entry.key(), offset)) {
        return name(entry.key(), Role.ENTRY_KEY);
      }
      for (Value value : entry.args()) {
        if (found == null && contains(value, offset)) {
          found = inValue(value, offset);
        }
      }
      block = entry.block() != null && contains(entry.block(), offset) ? entry.block() : null;
    }
    return found != null ? found : node(entries.get(entries.size() - 1), Role.ENTRY);
  }

  /** The innermost value at an offset: an item of a list, a key or value of a map. */
  static SyntaxNode inValue(Value value, int offset) {
    if (value instanceof Value.ListOf list) {
      for (Value item : list.items()) {
        if (contains(item, offset)) {
          return inValue(item, offset);
        }
      }
    } else if (value instanceof Value.MapOf map) {
      for (Value.MapEntry entry : map.entries()) {
        if (contains(entry.key(), offset)) {
          return name(entry.key(), Role.MAP_KEY);
        } else if (contains(entry.value(), offset)) {
          return inValue(entry.value(), offset);
        }
      }
    }
    return node(value, Role.VALUE);
  }

  private static SyntaxNode first(int offset, SyntaxNode... nodes) {
    for (SyntaxNode node : nodes) {
      if (node != null && contains(node.span(), offset)) {
        return node;
      }
    }
    return null;
  }

  private static SyntaxNode name(Name name, Role role) {
    return name == null ? null : new SyntaxNode(role, name.span(), name.text());
  }

  private static SyntaxNode node(Node node, Role role) {
    return new SyntaxNode(role, node.span(), node.span().text());
  }
}
