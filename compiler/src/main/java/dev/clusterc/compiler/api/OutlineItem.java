package dev.clusterc.compiler.api;

import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;

/**
 * One line of a document's outline: a declaration, {@code use}, {@code import} or template, or
 * an entry with a block of its own inside one ({@code listener https}, {@code network}).
 *
 * @param keyword the kind keyword, {@code use}, {@code import}, {@code template}, or the entry's keyword
 * @param name the declared name, the imported path, or an entry's first argument (may be empty)
 * @param selection the part to highlight: the name, or the keyword when there is no name
 */
public record OutlineItem(String keyword, String name, SourceSpan span, SourceSpan selection, List<OutlineItem> children) {
  public OutlineItem {
    children = List.copyOf(children);
  }
}
