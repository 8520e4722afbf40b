package dev.clusterc.compiler.format;

import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Block;
import dev.clusterc.compiler.syntax.Entry;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.Name;
import dev.clusterc.compiler.syntax.SourceUnit;
import dev.clusterc.compiler.syntax.StrPart;
import dev.clusterc.compiler.syntax.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random syntax trees that the language can express, for the round-trip properties. Every node has
 * an empty span in an empty file: the formatter then prints from the tree alone.
 */
final class SyntaxTrees {
  static final SourceFile NOWHERE = new SourceFile("generated.cluster", "");
  static final SourceSpan AT = SourceSpan.at(NOWHERE, 0);
  private static final Set<String> RESERVED = Set.of("import", "use", "template", "from", "for");

  private SyntaxTrees() {}

  static Arbitrary<SourceUnit> units() {
    Arbitrary<Item> item = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, declarations()), net.jqwik.api.Tuple.of(2, uses()),
        net.jqwik.api.Tuple.of(1, imports()), net.jqwik.api.Tuple.of(2, templates()));
    return item.list().ofMaxSize(6).map(items -> new SourceUnit(NOWHERE, items, List.of(), List.of()));
  }

  static Arbitrary<String> identifiers() {
    Arbitrary<String> made = Combinators.combine(
            Arbitraries.strings().withCharRange('a', 'z').withChars("AZ_").ofLength(1),
            Arbitraries.strings().withCharRange('a', 'z').withChars("-_09AZ").ofMaxLength(9))
        .as(String::concat);
    Arbitrary<String> usual = Arbitraries.of("node", "app", "worker0", "control-plane", "true", "false",
        "imports", "format", "x", "_", "a-", "SONARR__POSTGRES");
    return Arbitraries.oneOf(made, usual).filter(s -> !RESERVED.contains(s));
  }

  private static Arbitrary<Name> names() {
    return identifiers().map(SyntaxTrees::name);
  }

  private static Name name(String text) {
    return new Name(AT, text);
  }

  private static Arbitrary<Item> declarations() {
    Arbitrary<Item.Arg> arg = Combinators.combine(names().injectNull(0.4), values(1))
        .as((n, v) -> new Item.Arg(AT, n, v));
    Arbitrary<Item.TemplateCall> call = Combinators.combine(names(), arg.list().ofMaxSize(3))
        .as((t, args) -> new Item.TemplateCall(AT, t, args));
    return Combinators.combine(names(), names(), call.injectNull(0.7), blocks(2).injectNull(0.15))
        .as((kind, name, from, body) -> new Item.Declaration(AT, "", kind, name, from, body));
  }

  private static Arbitrary<Item> uses() {
    return Combinators.combine(names(), blocks(1).injectNull(0.5)).as((n, b) -> new Item.Use(AT, "", n, b));
  }

  private static Arbitrary<Item> imports() {
    return strings().map(path -> new Item.Import(AT, "", path));
  }

  private static Arbitrary<Item> templates() {
    Arbitrary<Item.Param> param = Combinators.combine(names(), names(), values(1).injectNull(0.6))
        .as((n, type, value) -> new Item.Param(AT, n, type, value));
    return Combinators.combine(names(), param.list().ofMaxSize(3), names(), blocks(2))
        .as((n, params, kind, body) -> new Item.Template(AT, "", n, params, kind, body));
  }

  static Arbitrary<Block> blocks(int depth) {
    return entries(depth).list().ofMaxSize(4).map(entries -> new Block(AT, entries, true));
  }

  private static Arbitrary<Entry> entries(int depth) {
    Arbitrary<Block> block = depth == 0 ? Arbitraries.just(null) : blocks(depth - 1).injectNull(0.75);
    return Combinators.combine(names(), values(2).list().ofMaxSize(4), block)
        .as((key, args, b) -> new Entry(AT, key, args, b));
  }

  static Arbitrary<Value> values(int depth) {
    Arbitrary<Value> scalar = Arbitraries.oneOf(
        identifiers().map(t -> new Value.Word(AT, t)),
        numbers().map(t -> new Value.Number(AT, t)),
        ips().map(t -> new Value.Ip(AT, t)),
        Combinators.combine(ips(), Arbitraries.integers().between(0, 32)).as((ip, n) -> new Value.Cidr(AT, ip + "/" + n)),
        Combinators.combine(ips(), ips()).as((a, b) -> new Value.Range(AT, a + ".." + b)),
        identifiers().map(t -> new Value.Param(AT, t)),
        strings().map(s -> s),
        textBlocks().map(s -> s));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Value> list = values(depth - 1).list().ofMaxSize(4).map(items -> new Value.ListOf(AT, items, true));
    Arbitrary<Value.MapEntry> entry = Combinators.combine(mapKeys(), values(depth - 1))
        .as((k, v) -> new Value.MapEntry(AT, name(k), v));
    Arbitrary<Value> map = entry.list().ofMaxSize(4).map(entries -> new Value.MapOf(AT, entries, true));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, scalar), net.jqwik.api.Tuple.of(1, list),
        net.jqwik.api.Tuple.of(1, map));
  }

  private static Arbitrary<String> numbers() {
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 99999).map(String::valueOf),
        Arbitraries.of("5Gi", "512Mi", "100m", "1h30m", "7d", "1.5", "1e3", "30s", "0", "2h"));
  }

  private static Arbitrary<String> ips() {
    Arbitrary<Integer> octet = Arbitraries.integers().between(0, 300);
    return Combinators.combine(octet, octet, octet, octet).as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
  }

  /** Map keys: identifiers, reserved words (bare keys too), and strings that are not identifiers. */
  private static Arbitrary<String> mapKeys() {
    return Arbitraries.oneOf(identifiers(), Arbitraries.of("for", "use", "", "app.kubernetes.io/name", "a b", "1x"),
        Arbitraries.strings().withChars("ab.-/: é").ofMaxLength(6));
  }

  /** {@code "…"} strings with every escape and interpolations. */
  static Arbitrary<Value.Str> strings() {
    Arbitrary<StrPart> text = Arbitraries.strings().withChars("ab z\"\\\n\t${}#é✓:/.").ofMaxLength(8)
        .map(StrPart.Text::new);
    Arbitrary<StrPart> interpolation = paths().map(p -> new StrPart.Interpolation(p, AT));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, text), net.jqwik.api.Tuple.of(1, interpolation))
        .list().ofMaxSize(4).map(parts -> new Value.Str(AT, normalised(parts), false));
  }

  /**
   * {@code """…"""} blocks: lines that start at column 0 (the parser strips common indentation),
   * without quotes or a literal {@code ${}; a {@code §} in a generated line becomes an interpolation.
   */
  static Arbitrary<Value.Str> textBlocks() {
    Arbitrary<String> line = Combinators.combine(
            Arbitraries.strings().withChars("akz09:-§#{").ofLength(1),
            Arbitraries.strings().withChars("akz09 :-./§#{}").ofMaxLength(12))
        .as(String::concat);
    Arbitrary<String> lineOrEmpty = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, line),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
    return Combinators.combine(lineOrEmpty.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(true, false), paths())
        .as((lines, finalBreak, path) -> {
          String raw = String.join("\n", lines) + (finalBreak ? "\n" : "");
          List<StrPart> parts = new ArrayList<>();
          String[] pieces = raw.split("§", -1);
          for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
              parts.add(new StrPart.Interpolation(path, AT));
            }
            parts.add(new StrPart.Text(pieces[i]));
          }
          return new Value.Str(AT, normalised(parts), true);
        });
  }

  private static Arbitrary<String> paths() {
    return Arbitraries.oneOf(identifiers(), identifiers().map(id -> "cluster." + id));
  }

  /** As the parser builds them: adjacent texts merged, no empty text except an empty string's only part. */
  private static List<StrPart> normalised(List<StrPart> parts) {
    List<StrPart> out = new ArrayList<>();
    for (StrPart part : parts) {
      if (part instanceof StrPart.Text t) {
        if (t.text().isEmpty()) {
          continue;
        }
        if (!out.isEmpty() && out.get(out.size() - 1) instanceof StrPart.Text previous) {
          out.set(out.size() - 1, new StrPart.Text(previous.text() + t.text()));
          continue;
        }
      }
      out.add(part);
    }
    if (out.isEmpty()) {
      out.add(new StrPart.Text(""));
    }
    return List.copyOf(out);
  }
}
