package dev.clusterc.compiler.bind;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.schema.Property;
import dev.clusterc.compiler.syntax.Block;
import dev.clusterc.compiler.syntax.Entry;
import dev.clusterc.compiler.syntax.Value;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code resources { cpu: 100m }}: a map where the entry takes a block of entries. Braces with
 * {@code key: value} inside parse as a map, so without this the user would read that {@code resources}
 * "needs a block" right above the braces they wrote. Instead: one error at the map whose hint shows the
 * block form, and the map is read on as that block, so its entries are still checked.
 */
final class MapAsBlock {
  /** Past this, a hint spelling out every entry stops helping. */
  private static final int MAX_HINT_ENTRIES = 3;

  private MapAsBlock() {}

  /** The entry with a trailing non-empty map turned into its block, after reporting it; else the entry as it is. */
  static Entry reread(Property property, Entry entry, Consumer<Diagnostic> report) {
    List<Value> args = entry.args();
    if (property.block() == null || entry.block() != null || args.isEmpty()
        || !(args.get(args.size() - 1) instanceof Value.MapOf map) || map.entries().isEmpty()) {
      return entry;
    }
    List<Value> before = args.subList(0, args.size() - 1);
    report.accept(Diagnostic.error(Code.TYPE_MISMATCH, map.span(),
            "`" + property.name() + "` takes a block of entries, not a map of `key: value`")
        .withHint("a block's entries have no `:` and end at a new line or `;`: write `" + blockForm(entry.key().text(), before, map) + "`"));
    List<Entry> entries = map.entries().stream()
        .map(e -> new Entry(e.span(), e.key(), List.of(e.value()), null))
        .toList();
    return new Entry(entry.span(), entry.key(), List.copyOf(before), new Block(map.span(), entries, map.closed()));
  }

  /** {@code resources { cpu 100m; memory 256Mi }}, from the map as written. */
  private static String blockForm(String key, List<Value> before, Value.MapOf map) {
    StringBuilder out = new StringBuilder(key);
    for (Value value : before) {
      out.append(' ').append(oneLine(value.span().text()));
    }
    out.append(" { ");
    List<Value.MapEntry> entries = map.entries();
    for (int i = 0; i < Math.min(entries.size(), MAX_HINT_ENTRIES); i++) {
      Value.MapEntry e = entries.get(i);
      out.append(i == 0 ? "" : "; ").append(e.key().text()).append(' ').append(oneLine(e.value().span().text()));
    }
    return out.append(entries.size() > MAX_HINT_ENTRIES ? "; … }" : " }").toString();
  }

  /** A value's text for a one-line hint: long or multi-line values are cut. */
  private static String oneLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 40 || !line.equals(text.strip()) ? line.substring(0, Math.min(line.length(), 40)) + "…" : line;
  }
}
