package dev.clusterc.compiler.api;

import java.util.List;

/**
 * What the schema says about an entry, for an editor to show on its keyword.
 *
 * @param owner the kind keyword, {@code use}, or the enclosing entry's keyword for nested blocks
 * @param usage how it is written ({@code mount VOLUME at STRING}, {@code listener NAME { … }})
 * @param defaultValue the value it takes when absent, as it would be written ({@code 10m},
 *     {@code "main"}), or {@code null} when it has none (or the default depends on other entries)
 * @param entries the usages of the entries its block accepts; empty for an entry without a block
 * @param doc what the language reference's entry table says about it (Markdown: meaning, whether
 *     required, default); empty when the reference has no row for it
 */
public record EntryDoc(String key, String owner, String usage, boolean required, boolean repeatable, String defaultValue,
    List<String> entries, String doc) {
  public EntryDoc {
    entries = List.copyOf(entries);
  }
}
