package dev.clusterc.compiler.format;

import dev.clusterc.compiler.syntax.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Values. A list or map written on one line stays on one line ({@code [a, b]}, {@code { k: v }});
 * one that spans lines gets one item per line, indented one level, each followed by {@code ,}.
 */
final class ValueLayout {
  private final Out out;
  private final OriginalText original;
  private final Literals literals;

  ValueLayout(Out out, OriginalText original) {
    this.out = out;
    this.original = original;
    this.literals = new Literals(original);
  }

  Literals literals() {
    return literals;
  }

  /** The value on one line, or {@code null} when it must be written over several. */
  String flat(Value value) {
    if (value instanceof Value.Str s) {
      String text = literals.string(s);
      return text.indexOf('\n') >= 0 ? null : text;
    }
    if (value instanceof Value.ListOf list) {
      return flatList(list);
    }
    if (value instanceof Value.MapOf map) {
      return flatMap(map);
    }
    if (value instanceof Value.Param p) {
      return "$" + p.name();
    }
    if (value instanceof Value.Number n) {
      return n.text();
    }
    if (value instanceof Value.Ip ip) {
      return ip.text();
    }
    if (value instanceof Value.Cidr c) {
      return c.text();
    }
    if (value instanceof Value.Range r) {
      return r.text();
    }
    if (value instanceof Value.Word w) {
      return w.text();
    }
    throw new IllegalArgumentException("cannot format a value that did not parse: " + value);
  }

  /** Writes the value from the current column; a line of its own is indented {@code depth} levels. */
  void write(Value value, int depth) {
    String flat = flat(value);
    if (flat != null) {
      out.append(flat);
    } else if (value instanceof Value.Str s) {
      out.append(literals.string(s));
    } else if (value instanceof Value.ListOf list) {
      writeList(list, depth);
    } else {
      writeMap((Value.MapOf) value, depth);
    }
  }

  /** The values separated by single spaces, or {@code null} when one of them spans lines. */
  String flatAll(List<Value> values) {
    List<String> texts = new ArrayList<>();
    for (Value v : values) {
      String text = flat(v);
      if (text == null) {
        return null;
      }
      texts.add(text);
    }
    return String.join(" ", texts);
  }

  private String flatList(Value.ListOf list) {
    if (!keepsOneLine(list)) {
      return null;
    }
    List<String> items = new ArrayList<>();
    for (Value item : list.items()) {
      String text = flat(item);
      if (text == null) {
        return null;
      }
      items.add(text);
    }
    return "[" + String.join(", ", items) + "]";
  }

  private String flatMap(Value.MapOf map) {
    if (!keepsOneLine(map)) {
      return null;
    }
    List<String> entries = new ArrayList<>();
    for (Value.MapEntry entry : map.entries()) {
      String text = flat(entry.value());
      if (text == null) {
        return null;
      }
      entries.add(literals.mapKey(entry.key()) + ": " + text);
    }
    return entries.isEmpty() ? "{}" : "{ " + String.join(", ", entries) + " }";
  }

  /** Written on one line, or empty and holding no comment. */
  private boolean keepsOneLine(Value value) {
    boolean empty = value instanceof Value.ListOf l ? l.items().isEmpty() : ((Value.MapOf) value).entries().isEmpty();
    return original.onOneLine(value.span()) || (empty && !original.hasComment(value.span()));
  }

  private void writeList(Value.ListOf list, int depth) {
    out.append("[");
    out.opened(list.span().start() + 1);
    for (Value item : list.items()) {
      out.line(depth + 1, item.span().start());
      write(item, depth + 1);
      out.append(",");
      out.wrote(item.span().end());
    }
    out.closingLine(depth, list.span().end() - 1);
    out.append("]");
  }

  private void writeMap(Value.MapOf map, int depth) {
    out.append("{");
    out.opened(map.span().start() + 1);
    for (Value.MapEntry entry : map.entries()) {
      out.line(depth + 1, entry.span().start());
      out.append(literals.mapKey(entry.key()) + ": ");
      write(entry.value(), depth + 1);
      out.append(",");
      out.wrote(entry.span().end());
    }
    out.closingLine(depth, map.span().end() - 1);
    out.append("}");
  }
}
