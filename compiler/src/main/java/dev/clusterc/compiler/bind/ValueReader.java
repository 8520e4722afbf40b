package dev.clusterc.compiler.bind;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Fix;
import dev.clusterc.compiler.schema.ValueType;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.StrPart;
import dev.clusterc.compiler.syntax.Value;
import dev.clusterc.compiler.types.AddressRange;
import dev.clusterc.compiler.types.Cidr;
import dev.clusterc.compiler.types.Duration;
import dev.clusterc.compiler.types.Ipv4;
import dev.clusterc.compiler.types.LiteralException;
import dev.clusterc.compiler.types.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a written value as the type its position expects: {@code 5m} becomes a duration or a
 * quantity, a word a symbol, a boolean or a resolved reference. Problems are reported, and the
 * value is then {@code null}.
 */
public final class ValueReader {
  private final References references;
  private final Consumer<Diagnostic> report;

  public ValueReader(References references, Consumer<Diagnostic> report) {
    this.references = references;
    this.report = report;
  }

  public Typed read(Value value, ValueType type, Interpolation interpolation) {
    if (value instanceof Value.Bad) {
      return null;
    }
    if (value instanceof Value.Param p) {
      report.accept(Diagnostic.error(Code.UNDEFINED_REFERENCE, p.span(), "`$" + p.name() + "` is not a template parameter here")
          .withHint("`$name` stands for a parameter only inside a template's body"));
      return null;
    }
    if (type instanceof ValueType.Union u) {
      return union(value, u, interpolation);
    } else if (type instanceof ValueType.Choice c) {
      return choice(value, c);
    } else if (type instanceof ValueType.Ref r) {
      return reference(value, r);
    } else if (type instanceof ValueType.ListOf l) {
      return list(value, l, interpolation);
    } else if (type instanceof ValueType.MapOf m) {
      return map(value, m, interpolation);
    }
    return scalar(value, (ValueType.Scalar) type, interpolation);
  }

  /** Whether a value has the shape of a type, before reading it: picks the alternative of a union. */
  static boolean fits(Value value, ValueType type) {
    if (type instanceof ValueType.Union u) {
      return u.alternatives().stream().anyMatch(a -> fits(value, a));
    } else if (type instanceof ValueType.Choice c) {
      return value instanceof Value.Word w && c.words().contains(w.text());
    } else if (type instanceof ValueType.Ref) {
      return value instanceof Value.Word;
    } else if (type instanceof ValueType.ListOf) {
      return value instanceof Value.ListOf;
    } else if (type instanceof ValueType.MapOf) {
      return value instanceof Value.MapOf;
    }
    return switch ((ValueType.Scalar) type) {
      case STRING -> value instanceof Value.Str;
      case INT -> value instanceof Value.Number n && n.text().matches("-?[0-9]+");
      case QUANTITY -> value instanceof Value.Number;
      case DURATION -> value instanceof Value.Number n && n.text().chars().anyMatch(Character::isLetter);
      case IP -> value instanceof Value.Ip;
      case CIDR -> value instanceof Value.Cidr;
      case RANGE -> value instanceof Value.Range;
      case BOOL -> value instanceof Value.Word w && (w.text().equals("true") || w.text().equals("false"));
      case SYMBOL -> value instanceof Value.Word;
      case ANY -> true;
    };
  }

  private Typed union(Value value, ValueType.Union union, Interpolation interpolation) {
    for (ValueType alternative : union.alternatives()) {
      if (fits(value, alternative)) {
        return read(value, alternative, interpolation);
      }
    }
    for (ValueType alternative : union.alternatives()) {
      if (alternative instanceof ValueType.Choice c && value instanceof Value.Word) {
        return choice(value, c);
      }
    }
    mismatch(value, union);
    return null;
  }

  private Typed choice(Value value, ValueType.Choice choice) {
    if (!(value instanceof Value.Word word)) {
      mismatch(value, choice);
      return null;
    }
    if (!choice.words().contains(word.text())) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, word.span(),
              "`" + word.text() + "` is not " + choice.describe())
          .withSuggestion(word.text(), choice.words(), null));
      return null;
    }
    return new Typed.Sym(word.span(), word.text());
  }

  private Typed reference(Value value, ValueType.Ref ref) {
    if (!(value instanceof Value.Word word)) {
      mismatch(value, ref);
      return null;
    }
    String name = word.text();
    if (ref.kind() == null) {
      List<Decl> found = references.lookupAnyKind(name);
      if (found.size() == 1) {
        return new Typed.Ref(word.span(), name, found.get(0));
      }
      if (found.size() > 1) {
        report.accept(Diagnostic.error(Code.WRONG_REFERENCE_KIND, word.span(),
                "`" + name + "` is ambiguous: it names " + String.join(" and ", found.stream().map(d -> d.kind().withArticle()).toList()))
            .withHint("rename one of them; names are unique per kind only"));
        return null;
      }
      String hint = references.notInUseHint(null, name);
      Diagnostic undefined = Diagnostic.error(Code.UNDEFINED_REFERENCE, word.span(), "nothing is named `" + name + "`")
          .withSuggestion(name, hint != null ? List.of() : references.allNames(), hint);
      report.accept(references.notInUseFix(null, name, word.span().file()).map(undefined::withFix).orElse(undefined));
      return null;
    }
    var found = references.lookup(ref.kind(), name);
    if (found.isPresent()) {
      return new Typed.Ref(word.span(), name, found.get());
    }
    List<Decl> other = references.lookupAnyKind(name);
    if (!other.isEmpty()) {
      report.accept(Diagnostic.error(Code.WRONG_REFERENCE_KIND, word.span(),
              "`" + name + "` is " + other.get(0).kind().withArticle() + ", but " + ref.kind().withArticle() + " is expected here")
          .withSuggestion(name, references.names(ref.kind()), null)
          .withRelated(other.get(0).site(), "`" + name + "` is declared here"));
      return null;
    }
    String hint = references.notInUseHint(ref.kind(), name);
    Diagnostic undefined = Diagnostic.error(Code.UNDEFINED_REFERENCE, word.span(), "no " + ref.kind().keyword() + " is named `" + name + "`")
        .withSuggestion(name, hint != null ? List.of() : references.names(ref.kind()), hint);
    report.accept(references.notInUseFix(ref.kind(), name, word.span().file()).map(undefined::withFix).orElse(undefined));
    return null;
  }

  private Typed list(Value value, ValueType.ListOf list, Interpolation interpolation) {
    if (!(value instanceof Value.ListOf items)) {
      mismatch(value, list);
      return null;
    }
    List<Typed> read = new ArrayList<>();
    for (Value item : items.items()) {
      Typed typed = read(item, list.element(), interpolation);
      if (typed != null) {
        read.add(typed);
      }
    }
    return new Typed.Items(items.span(), List.copyOf(read));
  }

  private Typed map(Value value, ValueType.MapOf map, Interpolation interpolation) {
    if (!(value instanceof Value.MapOf entries)) {
      mismatch(value, map);
      return null;
    }
    Map<String, Typed> values = new LinkedHashMap<>();
    Map<String, SourceSpan> keySpans = new LinkedHashMap<>();
    for (Value.MapEntry entry : entries.entries()) {
      String key = entry.key().text();
      if (!map.keys().isEmpty() && !map.keys().contains(key)) {
        report.accept(Diagnostic.error(Code.UNKNOWN_PROPERTY, entry.key().span(), "`" + key + "` is not a key here")
            .withSuggestion(key, map.keys(), "the keys are " + String.join(", ", map.keys().stream().sorted().toList())));
        continue;
      }
      if (keySpans.containsKey(key)) {
        report.accept(Diagnostic.error(Code.DUPLICATE_PROPERTY, entry.key().span(), "`" + key + "` is given twice")
            .withRelated(keySpans.get(key), "first given here"));
        continue;
      }
      keySpans.put(key, entry.key().span());
      Typed typed = read(entry.value(), map.element(), interpolation);
      if (typed != null) {
        values.put(key, typed);
      }
    }
    return new Typed.Entries(entries.span(), values, keySpans);
  }

  private Typed scalar(Value value, ValueType.Scalar scalar, Interpolation interpolation) {
    if (scalar == ValueType.Scalar.ANY) {
      return any(value, interpolation);
    }
    if (!fits(value, scalar)) {
      mismatch(value, scalar);
      return null;
    }
    var span = value.span();
    try {
      return switch (scalar) {
        case STRING -> string((Value.Str) value, interpolation);
        case INT -> integer((Value.Number) value);
        case QUANTITY -> new Typed.Qty(span, Quantity.parse(span.text()));
        case DURATION -> new Typed.Dur(span, Duration.parse(span.text()));
        case IP -> new Typed.Addr(span, Ipv4.parse(span.text()));
        case CIDR -> cidr(value);
        case RANGE -> new Typed.Span(span, AddressRange.parse(span.text()));
        case BOOL -> new Typed.Bool(span, span.text().equals("true"));
        case SYMBOL -> new Typed.Sym(span, span.text());
        case ANY -> throw new AssertionError();
      };
    } catch (LiteralException e) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, span, e.message()).withHint(e.hint()));
      return null;
    }
  }

  /**
   * An {@code int} is 32-bit, as every Kubernetes count and port it becomes (replicas, instances,
   * retention counts): a larger one is {@code invalid-value} here, so no later step overflows.
   */
  private Typed integer(Value.Number number) {
    String text = number.text();
    String digits = text.startsWith("-") ? text.substring(1) : text;
    String trimmed = digits.replaceFirst("^0+(?=.)", "");
    long value = trimmed.length() > 10 ? Long.MAX_VALUE : Long.parseLong(trimmed) * (text.startsWith("-") ? -1 : 1);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, number.span(),
              "`" + text + "` is out of range for an integer")
          .withHint("an integer lies between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE));
      return null;
    }
    return new Typed.Int(number.span(), value);
  }

  private Typed cidr(Value value) throws LiteralException {
    Cidr cidr = Cidr.parse(value.span().text());
    if (!cidr.isCanonical()) {
      report.accept(Diagnostic.error(Code.CIDR_NOT_CANONICAL, value.span(),
              "`" + value.span().text() + "` has host bits set")
          .withHint("write `" + cidr.canonical() + "`")
          .withFix(Fix.replace("write `" + cidr.canonical() + "`", value.span(), cidr.canonical().toString())));
    }
    return new Typed.Net(value.span(), cidr);
  }

  private Typed any(Value value, Interpolation interpolation) {
    if (value instanceof Value.Str s) {
      return string(s, interpolation);
    } else if (value instanceof Value.Number n && n.text().matches("-?[0-9]{1,17}")) {
      return new Typed.Int(n.span(), Long.parseLong(n.text()));
    } else if (value instanceof Value.Word w) {
      boolean bool = w.text().equals("true") || w.text().equals("false");
      return bool ? new Typed.Bool(w.span(), w.text().equals("true")) : new Typed.Sym(w.span(), w.text());
    } else if (value instanceof Value.ListOf l) {
      return list(l, new ValueType.ListOf(ValueType.Scalar.ANY), interpolation);
    } else if (value instanceof Value.MapOf m) {
      return map(m, new ValueType.MapOf(ValueType.Scalar.ANY, Set.of()), interpolation);
    }
    return new Typed.Str(value.span(), value.span().text());
  }

  private Typed string(Value.Str str, Interpolation interpolation) {
    StringBuilder out = new StringBuilder();
    for (StrPart part : str.parts()) {
      if (part instanceof StrPart.Text text) {
        out.append(text.text());
        continue;
      }
      StrPart.Interpolation ref = (StrPart.Interpolation) part;
      String resolved = interpolation.resolve(ref.path());
      if (resolved == null) {
        report.accept(Diagnostic.error(Code.UNDEFINED_REFERENCE, ref.span(), "`${" + ref.path() + "}` names nothing here")
            .withHint("interpolate `${name}`, a template parameter, or a cluster field such as `${cluster.domain}`"));
        out.append("${").append(ref.path()).append('}');
      } else {
        out.append(resolved);
      }
    }
    return new Typed.Str(str.span(), out.toString());
  }

  /** A mismatch, with a hint, and a fix where the intended form is plain (a word in brackets or in quotes). */
  private void mismatch(Value value, ValueType expected) {
    String hint = null;
    Fix fix = null;
    if (expected instanceof ValueType.ListOf && value instanceof Value.Word w) {
      hint = "write `[" + w.text() + "]`";
      fix = Fix.replace(hint, w.span(), "[" + w.text() + "]");
    } else if (expected == ValueType.Scalar.DURATION && value instanceof Value.Number n) {
      hint = "give it a unit: `" + n.text() + "s`, `" + n.text() + "m` or `" + n.text() + "h`";
    } else if (value instanceof Value.Str s && s.isPlain() && expected != ValueType.Scalar.STRING && !(expected instanceof ValueType.ListOf)) {
      hint = "remove the quotes: `" + s.raw() + "`";
    } else if (expected == ValueType.Scalar.STRING && !(value instanceof Value.ListOf || value instanceof Value.MapOf)) {
      hint = "put it in quotes: `\"" + value.span().text() + "\"`";
      fix = Fix.replace("put it in quotes", value.span(), "\"" + value.span().text() + "\"");
    }
    Diagnostic diagnostic = Diagnostic.error(Code.TYPE_MISMATCH, value.span(),
        "expected " + expected.describe() + ", found " + describe(value)).withHint(hint);
    report.accept(fix == null ? diagnostic : diagnostic.withFix(fix));
  }

  static String describe(Value value) {
    if (value instanceof Value.Str) {
      return "a string";
    } else if (value instanceof Value.Ip || value instanceof Value.Cidr || value instanceof Value.Range) {
      return "the address `" + value.span().text() + "`";
    } else if (value instanceof Value.ListOf) {
      return "a list";
    } else if (value instanceof Value.MapOf) {
      return "a map";
    } else if (value instanceof Value.Bad) {
      return "something unreadable";
    }
    return "`" + value.span().text() + "`";
  }

}
