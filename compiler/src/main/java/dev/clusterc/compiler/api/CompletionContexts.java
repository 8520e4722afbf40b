package dev.clusterc.compiler.api;

import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.schema.Property;
import dev.clusterc.compiler.schema.Schema;
import dev.clusterc.compiler.schema.ValueType;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Block;
import dev.clusterc.compiler.syntax.Entry;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import dev.clusterc.compiler.syntax.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what may be typed at a position. The tree says which block the cursor is in and which
 * entry it continues; the schema says what that entry's next argument is; the text of the line
 * settles what the tree cannot hold yet (a half-typed {@code use}, {@code from}, or an open quote).
 */
final class CompletionContexts {
  private static final Pattern FROM = Pattern.compile("^\\S+\\s+\\S+\\s+from$");
  private static final Pattern CALL = Pattern.compile("from\\s+([A-Za-z0-9_-]+)\\s*\\(([^)]*)$");
  private static final List<String> FILE_ENTRIES = List.of("import", "sops", "sealed", "manifests");
  private static final List<String> TOP_LEVEL_WORDS = List.of("use", "import", "template");

  private final Program program;
  private final SourceUnit unit;
  private final SourceFile file;
  private final String text;
  private final int offset;
  private final SourceSpan replace;

  private CompletionContexts(Program program, SourceUnit unit, int offset) {
    this.program = program;
    this.unit = unit;
    this.file = unit.file();
    this.text = file.text();
    this.offset = offset;
    int start = offset;
    while (start > 0 && isWordChar(text.charAt(start - 1))) {
      start--;
    }
    this.replace = new SourceSpan(file, start, offset);
  }

  static Completion at(Program program, SourceUnit unit, int offset) {
    return new CompletionContexts(program, unit, offset).decide();
  }

  private Completion decide() {
    int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    String line = text.substring(lineStart, offset);
    int quote = openQuote(line);
    if (quote == -2) {
      return new Completion.Nothing(replace);
    } else if (quote >= 0) {
      String before = line.substring(0, quote).trim();
      String word = before.substring(before.lastIndexOf(' ') + 1);
      word = word.substring(Math.max(word.lastIndexOf('{'), word.lastIndexOf(';')) + 1);
      return FILE_ENTRIES.contains(word) ? new Completion.FilePath(new SourceSpan(file, lineStart + quote + 1, offset), word)
          : new Completion.Nothing(replace);
    }
    Item item = enclosing();
    if (replace.start() > 0 && text.charAt(replace.start() - 1) == '$') {
      return item instanceof Item.Template t && t.name() != null
          ? new Completion.TemplateParameter(replace, t.name().text(), List.copyOf(ReferenceIndex.parameters(t).keySet()))
          : new Completion.Nothing(replace);
    }
    Block body = ItemSchemas.body(item);
    if (body != null && body.span().start() < offset && (!body.closed() || offset < body.span().end())) {
      Optional<Schema> schema = ItemSchemas.schemaOf(item);
      return schema.map(s -> inBlock(body, s, ItemSchemas.ownerOf(item))).orElse(new Completion.Nothing(replace));
    }
    return header(text.substring(lineStart, replace.start()).trim());
  }

  /**
   * The item around the cursor; past the end of an item whose block was never closed, that item:
   * the parser ends it at its last entry, but the user is still typing inside it.
   */
  private Item enclosing() {
    Item item = NodeFinder.find(unit, offset).item();
    if (item != null) {
      return item;
    }
    Item last = null;
    for (Item candidate : unit.items()) {
      if (candidate.span().start() < offset) {
        last = candidate;
      }
    }
    Block body = ItemSchemas.body(last);
    return body != null && !body.closed() ? last : null;
  }

  /** Outside any block: a new item, the name after {@code use}, the template after {@code from}, a call's parameter. */
  private Completion header(String before) {
    if (before.isEmpty()) {
      List<String> words = new ArrayList<>(Kind.keywords());
      words.addAll(TOP_LEVEL_WORDS);
      return new Completion.Keyword(replace, words);
    } else if (before.equals("use")) {
      TreeSet<String> names = new TreeSet<>(program.scope().names(Kind.COMPONENT));
      names.addAll(Navigator.stdComponents());
      return new Completion.ComponentName(replace, List.copyOf(names));
    } else if (FROM.matcher(before).matches()) {
      Kind kind = Kind.of(before.substring(0, before.indexOf(' '))).orElse(null);
      List<String> templates = program.templates().values().stream()
          .filter(t -> t.name() != null && (kind == null || t.kind() != null && t.kind().text().equals(kind.keyword())))
          .map(t -> t.name().text()).sorted().toList();
      return new Completion.TemplateName(replace, kind == null ? null : kind.keyword(), templates);
    }
    Matcher call = CALL.matcher(before);
    if (call.find() && (before.endsWith("(") || before.endsWith(","))) {
      Item.Template template = program.templates().get(call.group(1));
      if (template != null) {
        List<String> given = new ArrayList<>();
        for (String arg : call.group(2).split(",")) {
          int colon = arg.indexOf(':');
          given.add(colon < 0 ? "" : arg.substring(0, colon).trim());
        }
        List<String> open = ReferenceIndex.parameters(template).keySet().stream().filter(p -> !given.contains(p)).toList();
        return new Completion.TemplateParameter(replace, call.group(1), open);
      }
    }
    return new Completion.Nothing(replace);
  }

  /** Inside a block of {@code schema}: a new entry, or the next argument of the entry the cursor continues. */
  private Completion inBlock(Block block, Schema schema, String owner) {
    Entry current = null;
    for (Entry entry : block.entries()) {
      if (entry.span().start() <= replace.start() && (NodeFinder.contains(entry, offset) || continues(entry))) {
        current = entry;
      }
    }
    if (current == null || NodeFinder.contains(current.key(), offset) && replace.start() <= current.key().span().start()) {
      Entry typing = current;
      List<String> written = block.entries().stream().filter(e -> e != typing).map(e -> e.key().text()).toList();
      List<Completion.EntryKey.Entry> entries = schema.properties().stream()
          .map(p -> new Completion.EntryKey.Entry(p.name(), p.usage(), p.repeatable(), p.required(), written.contains(p.name()),
              EntryDefaults.written(p)))
          .toList();
      return new Completion.EntryKey(replace, owner, entries);
    }
    Optional<Property> property = schema.property(current.key().text());
    if (property.isEmpty()) {
      return new Completion.Nothing(replace);
    }
    Block inner = current.block();
    if (inner != null && inner.span().start() < offset && (!inner.closed() || offset < inner.span().end())) {
      return property.get().block() == null ? new Completion.Nothing(replace) : inBlock(inner, property.get().block(), current.key().text());
    }
    if (property.get().block() != null) {
      for (Value value : current.args()) {
        if (value instanceof Value.MapOf braces && braces.span().start() < offset && (!braces.closed() || offset < braces.span().end())) {
          return inBlock(new Block(braces.span(), List.of(), braces.closed()), property.get().block(), current.key().text());
        }
      }
    }
    return argument(current, property.get());
  }

  /** Whether the cursor is still on {@code entry}'s line after it: nothing but spaces between them. */
  private boolean continues(Entry entry) {
    int end = entry.span().end();
    if (end > offset) {
      return false;
    }
    String between = text.substring(end, replace.start());
    return between.chars().allMatch(c -> c == ' ' || c == '\t');
  }

  private Completion argument(Entry entry, Property property) {
    List<Value> args = entry.args();
    int index = 0;
    while (index < args.size() && args.get(index).span().end() < offset && !NodeFinder.contains(args.get(index), offset)) {
      index++;
    }
    if (index < args.size() && NodeFinder.contains(args.get(index), offset) && args.get(index).span().start() < replace.start()) {
      Value value = args.get(index);
      SlotCursor.Expected expected = SlotCursor.at(property.slots(), args, index);
      if (value instanceof Value.ListOf && expected != null && expected.type() != null) {
        ValueType element = listElement(expected.type());
        return element == null ? new Completion.Nothing(replace) : typed(property.name(), List.of(), element);
      } else if (value instanceof Value.MapOf map && expected != null && expected.type() instanceof ValueType.MapOf type) {
        return inMap(property.name(), map, type);
      }
      return new Completion.Nothing(replace);
    }
    SlotCursor.Expected expected = SlotCursor.at(property.slots(), args, index);
    if (expected == null) {
      return new Completion.Nothing(replace);
    }
    if (expected.type() == null) {
      return new Completion.Symbols(replace, property.name(), expected.words());
    }
    return typed(property.name(), expected.words(), expected.type());
  }

  /** In {@code keep { daily: 7, | }}: a key of those the map allows and does not have yet, or a value of its element type. */
  private Completion inMap(String entry, Value.MapOf map, ValueType.MapOf type) {
    int from = Math.max(text.lastIndexOf('{', replace.start() - 1), text.lastIndexOf(',', replace.start() - 1));
    boolean atKey = from >= map.span().start() && text.substring(from + 1, replace.start()).isBlank();
    if (!atKey) {
      return typed(entry, List.of(), type.element());
    }
    List<String> given = map.entries().stream().map(e -> e.key().text()).toList();
    List<String> keys = type.keys().stream().filter(k -> !given.contains(k)).sorted().toList();
    return keys.isEmpty() ? new Completion.Nothing(replace) : new Completion.Symbols(replace, entry, keys);
  }

  private Completion typed(String entry, List<String> words, ValueType type) {
    List<ValueType> alternatives = type instanceof ValueType.Union u ? u.alternatives() : List.of(type);
    List<String> symbols = new ArrayList<>(words);
    ValueType.Ref ref = null;
    for (ValueType alternative : alternatives) {
      if (alternative instanceof ValueType.Ref r) {
        ref = r;
      } else if (alternative instanceof ValueType.Choice c) {
        symbols.addAll(c.words());
      } else if (alternative == ValueType.Scalar.BOOL) {
        symbols.addAll(List.of("true", "false"));
      }
    }
    if (ref != null) {
      List<String> candidates = ref.kind() == null ? program.scope().allNames().stream().distinct().sorted().toList()
          : program.scope().names(ref.kind());
      return new Completion.Reference(replace, entry, ref.kind() == null ? null : ref.kind().keyword(), candidates, symbols);
    }
    if (entry.equals("layer") && type == ValueType.Scalar.SYMBOL) {
      symbols.addAll(program.ladder());
    }
    if (!symbols.isEmpty()) {
      return new Completion.Symbols(replace, entry, symbols);
    }
    return new Completion.Value(replace, entry, type.describe());
  }

  private static ValueType listElement(ValueType type) {
    List<ValueType> alternatives = type instanceof ValueType.Union u ? u.alternatives() : List.of(type);
    return alternatives.stream().filter(ValueType.ListOf.class::isInstance).map(t -> ((ValueType.ListOf) t).element())
        .findFirst().orElse(null);
  }

  /**
   * Where an unclosed quote on the line starts, -1 when none is open, or -2 when the cursor is in a
   * comment. Text blocks spanning lines are not followed: completion inside them offers nothing useful.
   */
  private static int openQuote(String line) {
    int open = -1;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (open >= 0 && c == '\\') {
        i++;
      } else if (c == '"') {
        open = open >= 0 ? -1 : i;
      } else if (c == '#' && open < 0) {
        return -2;
      }
    }
    return open;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
  }
}
