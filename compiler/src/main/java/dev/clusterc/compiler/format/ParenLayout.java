package dev.clusterc.compiler.format;

import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The parenthesised parameters of a template and arguments of a template call: on one line
 * ({@code (port: int, path: string = "/")}), unless a comment sits between the parentheses or a value
 * spans lines; then one per line, indented one level, each followed by {@code ,}.
 */
final class ParenLayout {
  /** One parameter or argument: the text before its value, and the value (absent for a parameter without default). */
  record Slot(SourceSpan span, String prefix, Value value) {}

  private final Out out;
  private final OriginalText original;
  private final ValueLayout values;

  ParenLayout(Out out, OriginalText original, ValueLayout values) {
    this.out = out;
    this.original = original;
    this.values = values;
  }

  static List<Slot> params(List<Item.Param> params) {
    List<Slot> slots = new ArrayList<>();
    for (Item.Param p : params) {
      String prefix = p.name().text() + ": " + p.type().text() + (p.defaultValue() == null ? "" : " = ");
      slots.add(new Slot(p.span(), prefix, p.defaultValue()));
    }
    return slots;
  }

  static List<Slot> args(List<Item.Arg> args) {
    List<Slot> slots = new ArrayList<>();
    for (Item.Arg a : args) {
      slots.add(new Slot(a.span(), a.name() == null ? "" : a.name().text() + ": ", a.value()));
    }
    return slots;
  }

  /**
   * The slots on one line, or {@code null}. {@code open} and {@code close} are offsets in the original
   * that enclose the parentheses and nothing else that could hold a comment.
   */
  String flat(List<Slot> slots, int open, int close) {
    if (original.hasComment(open, close)) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (Slot slot : slots) {
      String value = slot.value() == null ? "" : values.flat(slot.value());
      if (value == null) {
        return null;
      }
      texts.add(slot.prefix() + value);
    }
    return "(" + String.join(", ", texts) + ")";
  }

  void write(List<Slot> slots, int depth, int open, int close) {
    String flat = flat(slots, open, close);
    if (flat != null) {
      out.append(flat);
      return;
    }
    out.append("(");
    out.opened(open);
    for (Slot slot : slots) {
      out.line(depth + 1, slot.span().start());
      out.append(slot.prefix());
      if (slot.value() != null) {
        values.write(slot.value(), depth + 1);
      }
      out.append(",");
      out.wrote(slot.span().end());
    }
    out.closingLine(depth, close);
    out.append(")");
  }
}
