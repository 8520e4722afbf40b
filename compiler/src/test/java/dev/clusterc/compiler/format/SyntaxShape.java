package dev.clusterc.compiler.format;

import dev.clusterc.compiler.syntax.Block;
import dev.clusterc.compiler.syntax.Entry;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.Name;
import dev.clusterc.compiler.syntax.SourceUnit;
import dev.clusterc.compiler.syntax.StrPart;
import dev.clusterc.compiler.syntax.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The structure of a syntax tree without its spans, as indented text: two trees are equal ignoring
 * spans exactly when their shapes are equal, and a failed comparison shows a readable diff. Doc
 * comments are part of the shape (the formatter must not detach them), trailing whitespace excepted.
 */
final class SyntaxShape {
  private final StringBuilder out = new StringBuilder();
  private int depth;

  private SyntaxShape() {}

  static String of(SourceUnit unit) {
    return of(unit.items());
  }

  static String of(List<Item> items) {
    SyntaxShape shape = new SyntaxShape();
    items.forEach(shape::item);
    return shape.out.toString();
  }

  /** The comments of a unit in order, without trailing whitespace (the formatter drops it). */
  static List<String> comments(SourceUnit unit) {
    List<String> texts = new ArrayList<>();
    unit.comments().forEach(c -> texts.add(c.text().stripTrailing()));
    return texts;
  }

  private void item(Item item) {
    if (!item.doc().isEmpty()) {
      line("doc " + quote(item.doc().lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("")));
    }
    if (item instanceof Item.Import imp) {
      open("import");
      value(imp.path());
    } else if (item instanceof Item.Use use) {
      open("use " + name(use.name()));
      block(use.body());
    } else if (item instanceof Item.Template t) {
      open("template " + name(t.name()) + " for " + name(t.kind()));
      for (Item.Param p : t.params()) {
        open("param " + name(p.name()) + ": " + name(p.type()));
        if (p.defaultValue() != null) {
          value(p.defaultValue());
        }
        close();
      }
      block(t.body());
    } else {
      Item.Declaration d = (Item.Declaration) item;
      open("declaration " + name(d.kind()) + " " + name(d.name()));
      if (d.from() != null) {
        open("from " + name(d.from().template()));
        for (Item.Arg a : d.from().args()) {
          open("arg " + (a.name() == null ? "_" : name(a.name())));
          value(a.value());
          close();
        }
        close();
      }
      block(d.body());
    }
    close();
  }

  private void block(Block block) {
    if (block == null) {
      return;
    }
    open("block" + (block.closed() ? "" : " unclosed"));
    for (Entry e : block.entries()) {
      open("entry " + name(e.key()));
      e.args().forEach(this::value);
      block(e.block());
      close();
    }
    close();
  }

  private void value(Value value) {
    if (value instanceof Value.Str s) {
      List<String> parts = new ArrayList<>();
      for (StrPart p : s.parts()) {
        parts.add(p instanceof StrPart.Text t ? quote(t.text()) : "${" + ((StrPart.Interpolation) p).path() + "}");
      }
      line((s.textBlock() ? "text-block " : "string ") + String.join(" ", parts));
    } else if (value instanceof Value.ListOf l) {
      open("list" + (l.closed() ? "" : " unclosed"));
      l.items().forEach(this::value);
      close();
    } else if (value instanceof Value.MapOf m) {
      open("map" + (m.closed() ? "" : " unclosed"));
      for (Value.MapEntry e : m.entries()) {
        open("key " + quote(e.key().text()));
        value(e.value());
        close();
      }
      close();
    } else if (value instanceof Value.Number n) {
      line("number " + n.text());
    } else if (value instanceof Value.Ip ip) {
      line("ip " + ip.text());
    } else if (value instanceof Value.Cidr c) {
      line("cidr " + c.text());
    } else if (value instanceof Value.Range r) {
      line("range " + r.text());
    } else if (value instanceof Value.Word w) {
      line("word " + w.text());
    } else if (value instanceof Value.Param p) {
      line("param $" + p.name());
    } else {
      line("bad");
    }
  }

  private static String name(Name name) {
    return name == null ? "?" : name.text();
  }

  private void open(String text) {
    line(text);
    depth++;
  }

  private void close() {
    depth--;
  }

  private void line(String text) {
    out.append("  ".repeat(depth)).append(text).append('\n');
  }

  private static String quote(String text) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\t' -> q.append("\\t");
        case '\r' -> q.append("\\r");
        default -> q.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return q.append('"').toString();
  }
}
