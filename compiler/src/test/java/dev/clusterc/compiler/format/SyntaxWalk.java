package dev.clusterc.compiler.format;

import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Block;
import dev.clusterc.compiler.syntax.Entry;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.Name;
import dev.clusterc.compiler.syntax.Node;
import dev.clusterc.compiler.syntax.SourceUnit;
import dev.clusterc.compiler.syntax.StrPart;
import dev.clusterc.compiler.syntax.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Visits every node of a tree, for the tests that look at all spans or all values. */
final class SyntaxWalk {
  private final Consumer<Node> visitor;
  private final Consumer<SourceSpan> interpolations;

  private SyntaxWalk(Consumer<Node> visitor, Consumer<SourceSpan> interpolations) {
    this.visitor = visitor;
    this.interpolations = interpolations;
  }

  /** Every span of the tree: nodes, names and interpolations. */
  static List<SourceSpan> spans(SourceUnit unit) {
    List<SourceSpan> spans = new ArrayList<>();
    SyntaxWalk walk = new SyntaxWalk(node -> spans.add(node.span()), spans::add);
    unit.items().forEach(walk::item);
    return spans;
  }

  /** Every node of the tree. */
  static List<Node> nodes(SourceUnit unit) {
    List<Node> nodes = new ArrayList<>();
    SyntaxWalk walk = new SyntaxWalk(nodes::add, span -> {});
    unit.items().forEach(walk::item);
    return nodes;
  }

  /** Every value of the tree, nested ones included. */
  static List<Value> values(SourceUnit unit) {
    List<Value> values = new ArrayList<>();
    SyntaxWalk walk = new SyntaxWalk(node -> {
      if (node instanceof Value v) {
        values.add(v);
      }
    }, span -> {});
    unit.items().forEach(walk::item);
    return values;
  }

  private void item(Item item) {
    visitor.accept(item);
    if (item instanceof Item.Import imp) {
      value(imp.path());
    } else if (item instanceof Item.Use use) {
      name(use.name());
      block(use.body());
    } else if (item instanceof Item.Template t) {
      name(t.name());
      for (Item.Param p : t.params()) {
        visitor.accept(p);
        name(p.name());
        name(p.type());
        value(p.defaultValue());
      }
      name(t.kind());
      block(t.body());
    } else if (item instanceof Item.Declaration d) {
      name(d.kind());
      name(d.name());
      if (d.from() != null) {
        visitor.accept(d.from());
        name(d.from().template());
        for (Item.Arg a : d.from().args()) {
          visitor.accept(a);
          name(a.name());
          value(a.value());
        }
      }
      block(d.body());
    }
  }

  private void block(Block block) {
    if (block == null) {
      return;
    }
    visitor.accept(block);
    for (Entry e : block.entries()) {
      visitor.accept(e);
      name(e.key());
      e.args().forEach(this::value);
      block(e.block());
    }
  }

  private void value(Value value) {
    if (value == null) {
      return;
    }
    visitor.accept(value);
    if (value instanceof Value.Str s) {
      for (StrPart p : s.parts()) {
        if (p instanceof StrPart.Interpolation i) {
          interpolations.accept(i.span());
        }
      }
    } else if (value instanceof Value.ListOf l) {
      l.items().forEach(this::value);
    } else if (value instanceof Value.MapOf m) {
      for (Value.MapEntry e : m.entries()) {
        visitor.accept(e);
        name(e.key());
        value(e.value());
      }
    }
  }

  private void name(Name name) {
    if (name != null) {
      visitor.accept(name);
    }
  }
}
