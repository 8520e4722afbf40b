package dev.clusterc.compiler.api;

import dev.clusterc.compiler.api.DocumentToken.Modifier;
import dev.clusterc.compiler.api.DocumentToken.Role;
import dev.clusterc.compiler.load.Stdlib;
import dev.clusterc.compiler.schema.Property;
import dev.clusterc.compiler.schema.Schema;
import dev.clusterc.compiler.schema.ValueType;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Block;
import dev.clusterc.compiler.syntax.Entry;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.Lexemes;
import dev.clusterc.compiler.syntax.Name;
import dev.clusterc.compiler.syntax.SourceUnit;
import dev.clusterc.compiler.syntax.StrPart;
import dev.clusterc.compiler.syntax.Value;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Classifies the pieces of one parsed document: the lexer cuts the text, the tree says what each
 * identifier stands for, the schema whether a word is a connector, a symbol or a reference, and the
 * reference index (when the document was analysed) which declaration a reference names. Tokens come out in text order and never overlap, since each is a lexeme or a part
 * of one.
 */
final class DocumentTokens {
  /** What the tree says of the identifier starting at an offset. */
  private record Said(Role role, Set<Modifier> modifiers) {}

  private final SourceUnit unit;
  private final ReferenceIndex index;
  private final Map<Integer, Said> said = new HashMap<>();
  private final Map<Integer, List<SourceSpan>> interpolations = new HashMap<>();

  private DocumentTokens(SourceUnit unit, ReferenceIndex index) {
    this.unit = unit;
    this.index = index;
  }

  /** The tokens of {@code unit}; {@code index} resolves references, or is {@code null} for syntax alone. */
  static List<DocumentToken> of(SourceUnit unit, ReferenceIndex index) {
    DocumentTokens tokens = new DocumentTokens(unit, index);
    unit.items().forEach(tokens::item);
    return tokens.classify();
  }

  private List<DocumentToken> classify() {
    SourceFile file = unit.file();
    List<DocumentToken> out = new ArrayList<>();
    for (Lexemes.Lexeme lexeme : Lexemes.of(file)) {
      SourceSpan span = new SourceSpan(file, lexeme.start(), lexeme.end());
      switch (lexeme.kind()) {
        case KEYWORD, IDENT -> {
          Said role = said.get(lexeme.start());
          if (role != null) {
            out.add(new DocumentToken(span, role.role(), role.modifiers()));
          } else if (lexeme.kind() == Lexemes.Kind.KEYWORD) {
            out.add(new DocumentToken(span, Role.KEYWORD, Set.of()));
          }
        }
        case PARAM -> out.add(new DocumentToken(span, Role.PARAMETER, Set.of()));
        case STRING -> string(span, out);
        case NUMBER -> out.add(new DocumentToken(span, Role.NUMBER, Set.of()));
        case ADDRESS -> out.add(new DocumentToken(span, Role.ADDRESS, Set.of()));
        case COMMENT -> out.add(new DocumentToken(span, Role.COMMENT, Set.of()));
        case OPERATOR -> out.add(new DocumentToken(span, Role.OPERATOR, Set.of()));
        default -> { }
      }
    }
    return List.copyOf(out);
  }

  /** A string, cut around its {@code ${…}} interpolations. */
  private void string(SourceSpan span, List<DocumentToken> out) {
    int at = span.start();
    for (SourceSpan inner : interpolations.getOrDefault(span.start(), List.of())) {
      if (inner.start() < at || inner.end() > span.end()) {
        continue;
      }
      if (inner.start() > at) {
        out.add(new DocumentToken(new SourceSpan(span.file(), at, inner.start()), Role.STRING, Set.of()));
      }
      out.add(new DocumentToken(inner, Role.INTERPOLATION, Set.of()));
      at = inner.end();
    }
    if (at < span.end()) {
      out.add(new DocumentToken(new SourceSpan(span.file(), at, span.end()), Role.STRING, Set.of()));
    }
  }

  private void item(Item item) {
    if (item instanceof Item.Declaration d) {
      say(d.kind(), Role.KIND);
      say(d.name(), Role.NAME, Modifier.DECLARATION);
      if (d.from() != null) {
        say(d.from().template(), Role.TEMPLATE_NAME);
        for (Item.Arg arg : d.from().args()) {
          say(arg.name(), Role.PARAMETER);
          value(arg.value(), null);
        }
      }
      block(d.body(), ItemSchemas.schemaOf(d).orElse(null));
    } else if (item instanceof Item.Use u) {
      if (u.name() != null) {
        reference(u.name().span(), true);
      }
      block(u.body(), ItemSchemas.schemaOf(u).orElse(null));
    } else if (item instanceof Item.Template t) {
      say(t.name(), Role.TEMPLATE_NAME, Modifier.DECLARATION);
      for (Item.Param param : t.params()) {
        say(param.name(), Role.PARAMETER, Modifier.DECLARATION);
        say(param.type(), Role.TYPE);
        value(param.defaultValue(), null);
      }
      say(t.kind(), Role.KIND);
      block(t.body(), ItemSchemas.schemaOf(t).orElse(null));
    } else if (item instanceof Item.Import i) {
      value(i.path(), null);
    }
  }

  /** The entries of a block; {@code schema} (or {@code null}) says what each argument's words are. */
  private void block(Block block, Schema schema) {
    if (block == null) {
      return;
    }
    for (Entry entry : block.entries()) {
      say(entry.key(), Role.ENTRY_KEY);
      Property property = schema == null || entry.key() == null ? null : schema.property(entry.key().text()).orElse(null);
      for (int i = 0; i < entry.args().size(); i++) {
        SlotCursor.Expected expected = property == null ? null : SlotCursor.at(property.slots(), entry.args(), i);
        Value arg = entry.args().get(i);
        if (expected != null && arg instanceof Value.Word word && expected.words().contains(word.text())) {
          said.put(word.span().start(), new Said(Role.KEYWORD, Set.of()));
        } else {
          value(arg, expected == null ? null : expected.type());
        }
      }
      block(entry.block(), property == null ? null : property.block());
    }
  }

  /** A value where {@code type} (or {@code null}: unknown) is expected. */
  private void value(Value value, ValueType type) {
    if (value instanceof Value.Word word) {
      reference(word.span(), expectsReference(type, word.text()));
    } else if (value instanceof Value.ListOf list) {
      ValueType element = alternatives(type).stream().filter(ValueType.ListOf.class::isInstance)
          .map(t -> ((ValueType.ListOf) t).element()).findFirst().orElse(null);
      list.items().forEach(item -> value(item, element));
    } else if (value instanceof Value.MapOf map) {
      ValueType element = alternatives(type).stream().filter(ValueType.MapOf.class::isInstance)
          .map(t -> ((ValueType.MapOf) t).element()).findFirst().orElse(null);
      for (Value.MapEntry entry : map.entries()) {
        say(entry.key(), Role.MAP_KEY);
        value(entry.value(), element);
      }
    } else if (value instanceof Value.Str str && !str.textBlock()) {
      List<SourceSpan> spans = new ArrayList<>();
      for (StrPart part : str.parts()) {
        if (part instanceof StrPart.Interpolation interpolation) {
          spans.add(interpolation.span());
        }
      }
      if (!spans.isEmpty()) {
        interpolations.put(str.span().start(), spans);
      }
    }
  }

  /** Whether a word stands where a reference is expected, and is none of the fixed words accepted there too. */
  private static boolean expectsReference(ValueType type, String word) {
    List<ValueType> alternatives = alternatives(type);
    boolean fixed = alternatives.stream().anyMatch(t -> t instanceof ValueType.Choice c && c.words().contains(word)
        || t == ValueType.Scalar.BOOL && (word.equals("true") || word.equals("false")));
    return !fixed && alternatives.stream().anyMatch(ValueType.Ref.class::isInstance);
  }

  private static List<ValueType> alternatives(ValueType type) {
    return type == null ? List.of() : type instanceof ValueType.Union u ? u.alternatives() : List.of(type);
  }

  /**
   * A word: a reference when the index resolved it or the position expects one (so that a name not
   * declared yet still reads as one), a symbol otherwise.
   */
  private void reference(SourceSpan span, boolean always) {
    Set<Symbol> targets = index == null ? Set.of() : index.targets(span);
    if (targets.isEmpty() && !always) {
      said.put(span.start(), new Said(Role.SYMBOL, Set.of()));
      return;
    }
    boolean library = !targets.isEmpty() && targets.stream().allMatch(s -> isLibrary(s.selection().file()));
    said.put(span.start(), new Said(Role.REFERENCE, library ? EnumSet.of(Modifier.LIBRARY) : Set.of()));
  }

  private static boolean isLibrary(SourceFile file) {
    return Stdlib.units().values().stream().anyMatch(u -> u.file().equals(file));
  }

  private void say(Name name, Role role, Modifier... modifiers) {
    if (name != null) {
      said.put(name.span().start(), new Said(role, modifiers.length == 0 ? Set.of() : EnumSet.of(modifiers[0], modifiers)));
    }
  }
}
