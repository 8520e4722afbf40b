package dev.clusterc.compiler.load;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.References;
import dev.clusterc.compiler.bind.SourcedEntry;
import dev.clusterc.compiler.bind.ValueReader;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.schema.Schema;
import dev.clusterc.compiler.schema.Schemas;
import dev.clusterc.compiler.schema.ValueType;
import dev.clusterc.compiler.syntax.Block;
import dev.clusterc.compiler.syntax.Entry;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.StrPart;
import dev.clusterc.compiler.syntax.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Expands {@code KIND NAME from TEMPLATE(args)}: checks the arguments against the parameters,
 * substitutes {@code $param} values, and merges the declaration's own entries over the template's
 * (a non-repeatable entry replaces the template's; a repeatable one replaces the template's entry
 * with the same first argument, or is added).
 */
public final class TemplateExpander {
  static final Map<String, ValueType> PARAMETER_TYPES = Map.of(
      "string", ValueType.Scalar.STRING, "int", ValueType.Scalar.INT, "quantity", ValueType.Scalar.QUANTITY,
      "duration", ValueType.Scalar.DURATION, "ip", ValueType.Scalar.IP, "cidr", ValueType.Scalar.CIDR,
      "range", ValueType.Scalar.RANGE, "bool", ValueType.Scalar.BOOL, "symbol", ValueType.Scalar.SYMBOL);

  private final Map<String, Item.Template> templates;
  private final References references;
  private final Consumer<Diagnostic> report;

  public TemplateExpander(Map<String, Item.Template> templates, References references, Consumer<Diagnostic> report) {
    this.templates = templates;
    this.references = references;
    this.report = report;
  }

  /**
   * Checks a template's own shape once: its kind, its parameter types, its entries' keywords and
   * {@code $params}. A template missing its name, kind or body is a syntax error already, and not
   * checked further.
   */
  public void checkDefinition(Item.Template template) {
    if (template.name() == null || template.kind() == null || template.body() == null) {
      return;
    }
    var kind = Kind.of(template.kind().text());
    if (kind.isEmpty()) {
      report.accept(Diagnostic.error(Code.UNKNOWN_KIND, template.kind().span(), "`" + template.kind().text() + "` is not a kind of declaration")
          .withSuggestion(template.kind().text(), Kind.keywords(), null));
      return;
    }
    for (Item.Param param : template.params()) {
      if (param.type() != null && parameterType(param.type().text()) == null) {
        List<String> known = new ArrayList<>(PARAMETER_TYPES.keySet());
        known.addAll(Kind.keywords());
        report.accept(Diagnostic.error(Code.UNKNOWN_KIND, param.type().span(), "`" + param.type().text() + "` is not a parameter type")
            .withSuggestion(param.type().text(), known.stream().sorted().toList(), null));
      }
    }
    Set<String> names = new HashSet<>();
    template.params().forEach(p -> names.add(p.name().text()));
    Schema schema = Schemas.of(kind.get());
    for (Entry entry : template.body().entries()) {
      if (schema.property(entry.key().text()).isEmpty()) {
        report.accept(Diagnostic.error(Code.UNKNOWN_PROPERTY, entry.key().span(),
                "`" + entry.key().text() + "` is not an entry of " + kind.get().withArticle())
            .withSuggestion(entry.key().text(), schema.names(), null));
      }
      checkParams(entry, names, template);
    }
  }

  private void checkParams(Entry entry, Set<String> names, Item.Template template) {
    for (Value arg : entry.args()) {
      forEachParam(arg, p -> {
        if (!names.contains(p.name())) {
          report.accept(Diagnostic.error(Code.UNDEFINED_REFERENCE, p.span(),
                  "`$" + p.name() + "` is not a parameter of template `" + template.name().text() + "`")
              .withSuggestion(p.name(), names, null));
        }
      });
    }
    if (entry.block() != null) {
      entry.block().entries().forEach(e -> checkParams(e, names, template));
    }
  }

  /** The merged entries of a declaration; its own entries when it names no template. */
  public List<SourcedEntry> expand(Decl decl) {
    Item.Declaration source = decl.source();
    List<SourcedEntry> own = source.body() == null ? List.of()
        : source.body().entries().stream().map(e -> new SourcedEntry(e, Map.of())).toList();
    Item.TemplateCall call = source.from();
    if (call == null || decl.isStd()) {
      return own;
    }
    Item.Template template = templates.get(call.template().text());
    if (template == null) {
      report.accept(Diagnostic.error(Code.UNKNOWN_TEMPLATE, call.template().span(), "no template is named `" + call.template().text() + "`")
          .withSuggestion(call.template().text(), templates.keySet(), null));
      return own;
    }
    if (template.kind() != null && !template.kind().text().equals(decl.kind().keyword())) {
      report.accept(Diagnostic.error(Code.WRONG_REFERENCE_KIND, call.template().span(),
              "template `" + call.template().text() + "` is for " + template.kind().text() + ", not " + decl.kind().keyword())
          .withRelated(template.name().span(), "declared here"));
      return own;
    }
    Map<String, Value> args = arguments(call, template);
    Map<String, String> texts = new LinkedHashMap<>();
    args.forEach((name, value) -> texts.put(name, text(value)));
    List<SourcedEntry> merged = new ArrayList<>();
    List<Boolean> fromTemplate = new ArrayList<>();
    if (template.body() != null) {
      for (Entry entry : template.body().entries()) {
        merged.add(new SourcedEntry(substitute(entry, args), texts));
        fromTemplate.add(true);
      }
    }
    Schema schema = Schemas.of(decl.kind());
    for (SourcedEntry mine : own) {
      String key = mine.entry().key().text();
      boolean repeatable = schema.property(key).map(p -> p.repeatable()).orElse(false);
      int replaced = -1;
      for (int i = 0; i < merged.size() && replaced < 0; i++) {
        Entry theirs = merged.get(i).entry();
        boolean sameEntry = theirs.key().text().equals(key) && (!repeatable || firstArg(theirs).equals(firstArg(mine.entry())));
        replaced = fromTemplate.get(i) && sameEntry ? i : -1;
      }
      if (replaced >= 0) {
        merged.set(replaced, mine);
        fromTemplate.set(replaced, false);
      } else {
        merged.add(mine);
        fromTemplate.add(false);
      }
    }
    return merged;
  }

  private Map<String, Value> arguments(Item.TemplateCall call, Item.Template template) {
    Map<String, Item.Param> params = new LinkedHashMap<>();
    template.params().forEach(p -> params.put(p.name().text(), p));
    List<String> order = new ArrayList<>(params.keySet());
    Map<String, Value> args = new LinkedHashMap<>();
    boolean named = false;
    int position = 0;
    for (Item.Arg arg : call.args()) {
      String name;
      if (arg.name() != null) {
        named = true;
        name = arg.name().text();
        if (!params.containsKey(name)) {
          report.accept(Diagnostic.error(Code.TEMPLATE_ARGUMENT, arg.name().span(),
                  "template `" + template.name().text() + "` has no parameter `" + name + "`")
              .withSuggestion(name, order, "its parameters are " + String.join(", ", order)));
          continue;
        }
      } else {
        if (named) {
          report.accept(Diagnostic.error(Code.TEMPLATE_ARGUMENT, arg.span(), "a positional argument after a named one")
              .withHint("name it: `parameter: value`"));
          continue;
        }
        if (position >= order.size()) {
          report.accept(Diagnostic.error(Code.TEMPLATE_ARGUMENT, arg.span(),
              "too many arguments: template `" + template.name().text() + "` takes " + order.size()));
          continue;
        }
        name = order.get(position++);
      }
      if (args.containsKey(name)) {
        report.accept(Diagnostic.error(Code.TEMPLATE_ARGUMENT, arg.span(), "`" + name + "` is given twice"));
        continue;
      }
      boolean fits = checkType(template, params.get(name), arg.value());
      args.put(name, fits ? arg.value() : new Value.Bad(arg.value().span())); // reported once, here
    }
    for (Item.Param param : template.params()) {
      String name = param.name().text();
      if (!args.containsKey(name)) {
        if (param.defaultValue() != null) {
          args.put(name, param.defaultValue());
        } else {
          report.accept(Diagnostic.error(Code.TEMPLATE_ARGUMENT, call.span(),
                  "template `" + template.name().text() + "` needs an argument for `" + name + "`")
              .withHint("add `" + name + ": …` to the arguments"));
        }
      }
    }
    return args;
  }

  /** Reads an argument as its parameter's type; false when that failed (and was reported). */
  private boolean checkType(Item.Template template, Item.Param param, Value value) {
    ValueType type = param.type() == null ? null : parameterType(param.type().text());
    if (type == null) {
      return true;
    }
    boolean[] failed = {false};
    new ValueReader(references, d -> {
      failed[0] = true;
      report.accept(new Diagnostic(d.severity(), Code.TEMPLATE_ARGUMENT, d.span(),
          "argument `" + param.name().text() + "` of `" + template.name().text() + "`: " + d.message(), d.hint(), d.related(), d.fixes()));
    }).read(value, type, path -> "");
    return !failed[0];
  }

  static ValueType parameterType(String name) {
    ValueType scalar = PARAMETER_TYPES.get(name);
    if (scalar != null) {
      return scalar;
    }
    return Kind.of(name).filter(Kind::isLayered).<ValueType>map(ValueType.Ref::new)
        .orElse(name.equals("node") ? new ValueType.Ref(Kind.NODE) : null);
  }

  private static Entry substitute(Entry entry, Map<String, Value> args) {
    List<Value> values = entry.args().stream().map(v -> substitute(v, args)).toList();
    Block block = entry.block() == null ? null
        : new Block(entry.block().span(), entry.block().entries().stream().map(e -> substitute(e, args)).toList(), entry.block().closed());
    return new Entry(entry.span(), entry.key(), values, block);
  }

  private static Value substitute(Value value, Map<String, Value> args) {
    if (value instanceof Value.Param p) {
      Value arg = args.get(p.name());
      return arg != null ? arg : new Value.Bad(p.span());
    } else if (value instanceof Value.ListOf l) {
      return new Value.ListOf(l.span(), l.items().stream().map(v -> substitute(v, args)).toList(), l.closed());
    } else if (value instanceof Value.MapOf m) {
      return new Value.MapOf(m.span(), m.entries().stream()
          .map(e -> new Value.MapEntry(e.span(), e.key(), substitute(e.value(), args))).toList(), m.closed());
    }
    return value;
  }

  private static void forEachParam(Value value, Consumer<Value.Param> action) {
    if (value instanceof Value.Param p) {
      action.accept(p);
    } else if (value instanceof Value.ListOf l) {
      l.items().forEach(v -> forEachParam(v, action));
    } else if (value instanceof Value.MapOf m) {
      m.entries().forEach(e -> forEachParam(e.value(), action));
    }
  }

  /** What {@code ${param}} becomes in a string: a string argument's text, or the argument as written. */
  private static String text(Value value) {
    if (value instanceof Value.Str s) {
      StringBuilder out = new StringBuilder();
      s.parts().forEach(p -> out.append(p instanceof StrPart.Text t ? t.text() : "${" + ((StrPart.Interpolation) p).path() + "}"));
      return out.toString();
    }
    return value.span().text();
  }

  private static String firstArg(Entry entry) {
    return entry.args().isEmpty() ? "" : entry.args().get(0).span().text();
  }

  private static String orElse(String first, String second) {
    return first != null ? first : second;
  }
}
