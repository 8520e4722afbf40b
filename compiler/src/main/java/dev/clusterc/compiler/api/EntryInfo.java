package dev.clusterc.compiler.api;

import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;

/**
 * An entry at a position, with what the schema says about it.
 *
 * @param owner what the entries belong to: a kind keyword ({@code app}), {@code use}, or the
 *     enclosing entry's keyword for nested blocks ({@code listener})
 * @param path the keywords from the declaration down to this entry ({@code [listener, certificate]})
 * @param usage how the entry is written ({@code mount VOLUME at STRING}), or {@code null} when the
 *     keyword is not an entry of its owner
 */
public record EntryInfo(String key, String owner, List<String> path, SourceSpan span, SourceSpan keySpan, String usage) {
  public EntryInfo {
    path = List.copyOf(path);
  }
}
