package dev.clusterc.compiler.bind;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.schema.Property;
import dev.clusterc.compiler.schema.Schema;
import dev.clusterc.compiler.schema.Slot;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Block;
import dev.clusterc.compiler.syntax.Entry;
import dev.clusterc.compiler.syntax.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Matches a block's entries against a schema: each entry's keyword against the properties, its
 * arguments against the signature's words and typed slots, its block against the nested schema.
 * Reports unknown, duplicate, missing and ill-typed entries.
 */
public final class Binder {
  private final ValueReader reader;
  private final Consumer<Diagnostic> report;

  public Binder(References references, Consumer<Diagnostic> report) {
    this.reader = new ValueReader(references, report);
    this.report = report;
  }

  public ValueReader reader() {
    return reader;
  }

  /**
   * Binds entries to a schema.
   *
   * @param owner how messages name the block's owner ("app sonarr", "network")
   * @param ownerSpan where to report entries that are missing
   * @param base the interpolations of the owner (its name, the cluster's fields)
   */
  public BoundBlock bind(Schema schema, List<SourcedEntry> entries, String owner, SourceSpan ownerSpan,
      Interpolation base) {
    return bind(schema, entries, owner, ownerSpan, base, true);
  }

  /**
   * Binds entries; {@code reportMissing} is false for a declaration holding a syntax error, whose
   * missing entries are more likely lost to the error than forgotten.
   */
  public BoundBlock bind(Schema schema, List<SourcedEntry> entries, String owner, SourceSpan ownerSpan,
      Interpolation base, boolean reportMissing) {
    Map<String, List<BoundEntry>> bound = new LinkedHashMap<>();
    Map<String, Entry> firstSeen = new LinkedHashMap<>();
    for (SourcedEntry sourced : entries) {
      Entry entry = sourced.entry();
      String key = entry.key().text();
      var property = schema.property(key);
      if (property.isEmpty()) {
        unknown(schema, owner, entry);
        continue;
      }
      if (!property.get().repeatable() && firstSeen.containsKey(key)) {
        report.accept(Diagnostic.error(Code.DUPLICATE_PROPERTY, entry.key().span(), "`" + key + "` is given twice in " + owner)
            .withHint("`" + key + "` may appear once; remove one of them")
            .withRelated(firstSeen.get(key).key().span(), "first given here"));
        continue;
      }
      firstSeen.putIfAbsent(key, entry);
      if (entry.args().stream().anyMatch(Value.Bad.class::isInstance)) {
        continue; // a syntax error was reported inside; binding it would only add noise
      }
      Interpolation interpolation = sourced.params().isEmpty() ? base : path -> {
        String param = sourced.params().get(path);
        return param != null ? param : base.resolve(path);
      };
      BoundEntry boundEntry = entry(property.get(), entry, interpolation, schema);
      bound.computeIfAbsent(key, k -> new ArrayList<>()).add(boundEntry);
    }
    for (Property property : schema.properties()) {
      if (reportMissing && property.required() && !bound.containsKey(property.name()) && !firstSeen.containsKey(property.name())) {
        report.accept(Diagnostic.error(Code.MISSING_PROPERTY, ownerSpan, owner + " has no `" + property.name() + "`")
            .withHint("add `" + property.usage() + "`"));
      }
    }
    return new BoundBlock(ownerSpan, schema, bound);
  }

  private void unknown(Schema schema, String owner, Entry entry) {
    String key = entry.key().text();
    String otherwise = Kind.of(key).isPresent() && !entry.args().isEmpty()
        ? "`" + key + "` starts a declaration: is a `}` missing above this line?"
        : "the entries of " + schema.owner() + " are " + String.join(", ", schema.names().stream().map(n -> "`" + n + "`").toList());
    report.accept(Diagnostic.error(Code.UNKNOWN_PROPERTY, entry.key().span(), "`" + key + "` is not an entry of " + owner)
        .withSuggestion(key, schema.names(), otherwise));
  }

  private BoundEntry entry(Property property, Entry written, Interpolation interpolation, Schema schema) {
    Entry entry = MapAsBlock.reread(property, emptyBracesAsBlock(property, written), report);
    Map<String, Typed> slots = new LinkedHashMap<>();
    int next = slots(property, property.slots(), entry, 0, slots, interpolation);
    if (next >= 0 && next < entry.args().size()) {
      Value extra = entry.args().get(next);
      String hint = "`" + property.name() + "` is written `" + property.usage() + "`";
      if (extra instanceof Value.Word w && schema.property(w.text()).isPresent()) {
        hint = "entries end at a new line or `;`: write `;` before `" + w.text() + "`";
      }
      String previous = next == 0 ? property.name() : entry.args().get(next - 1).span().text();
      report.accept(Diagnostic.error(Code.TYPE_MISMATCH, extra.span(),
          "`" + property.name() + "` takes nothing more after `" + previous + "`, but " + ValueReader.describe(extra) + " follows")
          .withHint(hint));
    }
    BoundBlock block = null;
    if (property.block() != null) {
      if (entry.block() == null) {
        report.accept(Diagnostic.error(Code.TYPE_MISMATCH, entry.span(), "`" + property.name() + "` needs a block `{ … }`")
            .withHint("write `" + property.usage() + "`"));
      } else {
        List<SourcedEntry> inner = entry.block().entries().stream().map(e -> new SourcedEntry(e, Map.of())).toList();
        String owner = property.name() + (entry.args().isEmpty() ? "" : " " + entry.args().get(0).span().text());
        block = bind(property.block(), inner, "`" + owner + "`", entry.key().span(), interpolation);
      }
    } else if (entry.block() != null) {
      report.accept(Diagnostic.error(Code.TYPE_MISMATCH, entry.block().span(), "`" + property.name() + "` takes no block")
          .withHint("`" + property.name() + "` is written `" + property.usage() + "`"));
    }
    return new BoundEntry(entry, property, slots, block);
  }

  /** {@code listener http {}}: empty braces parse as an empty map; where a block is expected they are one. */
  private static Entry emptyBracesAsBlock(Property property, Entry entry) {
    List<Value> args = entry.args();
    if (property.block() == null || entry.block() != null || args.isEmpty()
        || !(args.get(args.size() - 1) instanceof Value.MapOf map) || !map.entries().isEmpty()) {
      return entry;
    }
    return new Entry(entry.span(), entry.key(), args.subList(0, args.size() - 1), new Block(map.span(), List.of(), map.closed()));
  }

  /** Binds arguments from {@code index}; returns the index after the last one used, or -1 after an error. */
  private int slots(Property property, List<Slot> signature, Entry entry, int index, Map<String, Typed> out,
      Interpolation interpolation) {
    List<Value> args = entry.args();
    int i = index;
    for (Slot slot : signature) {
      if (slot instanceof Slot.Word word) {
        if (i < args.size() && args.get(i) instanceof Value.Word w && w.text().equals(word.word())) {
          i++;
          continue;
        }
        SourceSpan at = i < args.size() ? args.get(i).span() : SourceSpan.at(entry.span().file(), entry.key().span().end());
        if (i >= args.size() && !args.isEmpty()) {
          at = SourceSpan.at(entry.span().file(), args.get(args.size() - 1).span().end());
        }
        report.accept(Diagnostic.error(Code.TYPE_MISMATCH, at,
                "expected `" + word.word() + "`" + (i < args.size() ? ", found " + ValueReader.describe(args.get(i)) : ""))
            .withHint("`" + property.name() + "` is written `" + property.usage() + "`"));
        return -1;
      } else if (slot instanceof Slot.Value value) {
        if (i >= args.size()) {
          SourceSpan at = SourceSpan.at(entry.span().file(), args.isEmpty() ? entry.key().span().end() : args.get(args.size() - 1).span().end());
          report.accept(Diagnostic.error(Code.TYPE_MISMATCH, at, "`" + property.name() + "` needs " + value.type().describe())
              .withHint("`" + property.name() + "` is written `" + property.usage() + "`"));
          return -1;
        }
        Typed typed = reader.read(args.get(i), value.type(), interpolation);
        if (typed != null) {
          out.put(value.name(), typed);
        }
        i++;
      } else if (slot instanceof Slot.Optional group) {
        if (i < args.size() && args.get(i) instanceof Value.Word w && w.text().equals(group.leadingWord())) {
          i = slots(property, group.slots(), entry, i, out, interpolation);
          if (i < 0) {
            return -1;
          }
        }
      }
    }
    return i;
  }
}
