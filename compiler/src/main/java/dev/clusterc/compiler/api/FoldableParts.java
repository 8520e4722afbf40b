package dev.clusterc.compiler.api;

import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Block;
import dev.clusterc.compiler.syntax.Entry;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import dev.clusterc.compiler.syntax.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The bracketed parts of a parsed document, from the tolerant parser's tree: every block (of a
 * declaration, {@code use}, template or entry), map, list, template call and text block, so an
 * editor folds what the compiler reads rather than counting braces. A part the parser left open
 * ends where the parser stopped reading it.
 */
final class FoldableParts {
  private final List<SourceSpan> spans = new ArrayList<>();

  private FoldableParts() {}

  /** The parts' spans, outermost first, in text order. */
  static List<SourceSpan> of(SourceUnit unit) {
    FoldableParts parts = new FoldableParts();
    for (Item item : unit.items()) {
      if (item instanceof Item.Declaration d) {
        if (d.from() != null) {
          parts.spans.add(d.from().span());
          d.from().args().forEach(a -> parts.value(a.value()));
        }
        parts.block(d.body());
      } else if (item instanceof Item.Use u) {
        parts.block(u.body());
      } else if (item instanceof Item.Template t) {
        t.params().forEach(p -> parts.value(p.defaultValue()));
        parts.block(t.body());
      }
    }
    return List.copyOf(parts.spans);
  }

  private void block(Block block) {
    if (block == null) {
      return;
    }
    spans.add(block.span());
    for (Entry entry : block.entries()) {
      entry.args().forEach(this::value);
      block(entry.block());
    }
  }

  private void value(Value value) {
    if (value instanceof Value.MapOf map) {
      spans.add(map.span());
      map.entries().forEach(e -> value(e.value()));
    } else if (value instanceof Value.ListOf list) {
      spans.add(list.span());
      list.items().forEach(this::value);
    } else if (value instanceof Value.Str text && text.textBlock()) {
      spans.add(text.span());
    }
  }
}
