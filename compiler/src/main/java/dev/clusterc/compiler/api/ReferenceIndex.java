package dev.clusterc.compiler.api;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.graph.Need;
import dev.clusterc.compiler.graph.Needs;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Entry;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import dev.clusterc.compiler.syntax.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every name written in the sources (and the standard library in use) that refers to something,
 * with what it refers to, both ways. Built from what binding resolved, not by a second lookup: a
 * reference slot's resolved declaration, a {@code use}'s component, a {@code from}'s template, a
 * template's {@code $param}, {@code ${param}} and named arguments, and a word that names a capability
 * ({@code via cilium}, {@code class cilium}) as the components that provide it. It remembers which
 * references are such capability words, and which stand in {@code depends-on} (a slot of any kind),
 * because renaming must leave the first alone and keep the second unambiguous.
 */
final class ReferenceIndex {
  private final Map<SourceSpan, Set<Symbol>> targets = new LinkedHashMap<>();
  private final Map<SourceSpan, Set<SourceSpan>> uses = new LinkedHashMap<>();
  private final Map<SourceSpan, Symbol> symbols = new LinkedHashMap<>();
  private final Set<SourceSpan> capabilityWords = new LinkedHashSet<>();
  private final Set<SourceSpan> anyKind = new LinkedHashSet<>();
  private final Set<SourceSpan> interpolations = new LinkedHashSet<>();

  ReferenceIndex(Program program) {
    for (Decl decl : program.decls()) {
      Symbol target = symbol(decl);
      if (target != null) {
        symbols.put(target.selection(), target);
      }
      if (decl.use() != null && decl.use().name() != null && target != null) {
        add(decl.use().name().span(), target);
      }
      if (decl.body() != null) {
        block(decl.body());
        capabilities(program, decl);
      }
      if (decl.useBody() != null) {
        block(decl.useBody());
      }
    }
    program.templates().values().forEach(this::template);
    for (SourceUnit unit : program.units()) {
      for (Item item : unit.items()) {
        if (item instanceof Item.Declaration d && d.from() != null && d.from().template() != null) {
          call(d.from(), program.templates().get(d.from().template().text()));
        }
      }
    }
  }

  /** Whether the reference at {@code span} is a word naming a capability, not a declaration by its name. */
  boolean isCapabilityWord(SourceSpan span) {
    return capabilityWords.contains(span);
  }

  /** Whether the reference at {@code span} stands in {@code depends-on}, where a name of any kind is looked up. */
  boolean isAnyKind(SourceSpan span) {
    return anyKind.contains(span);
  }

  /** The {@code ${param}} reference whose name contains {@code offset} of {@code path}, if one does. */
  SourceSpan interpolationAt(String path, int offset) {
    for (SourceSpan span : interpolations) {
      if (span.file().path().equals(path) && NodeFinder.contains(span, offset)) {
        return span;
      }
    }
    return null;
  }

  /** What the name at {@code span} refers to; empty when it refers to nothing known. */
  Set<Symbol> targets(SourceSpan span) {
    return targets.getOrDefault(span, Set.of());
  }

  /** The reference spans, in the order found, and the symbols they name. */
  Map<SourceSpan, Set<Symbol>> all() {
    return targets;
  }

  /** The declaration whose name is written at {@code selection}, if one is known. */
  Symbol declaredAt(SourceSpan selection) {
    return symbols.get(selection);
  }

  /** Every span that refers to {@code symbol}. */
  Collection<SourceSpan> references(Symbol symbol) {
    return uses.getOrDefault(symbol.selection(), Set.of());
  }

  static Symbol symbol(Decl decl) {
    Item.Declaration source = decl.source();
    if (source == null || source.name() == null) {
      return null;
    }
    return new Symbol(decl.kind().keyword(), decl.name(), source.span(), source.name().span());
  }

  static Symbol symbol(Item.Template template) {
    return template.name() == null ? null
        : new Symbol("template", template.name().text(), template.span(), template.name().span());
  }

  private void add(SourceSpan at, Symbol target) {
    symbols.putIfAbsent(target.selection(), target);
    targets.computeIfAbsent(at, k -> new LinkedHashSet<>()).add(target);
    uses.computeIfAbsent(target.selection(), k -> new LinkedHashSet<>()).add(at);
  }

  private void block(BoundBlock block) {
    for (List<BoundEntry> entries : block.entries().values()) {
      for (BoundEntry entry : entries) {
        boolean dependsOn = entry.property() != null && entry.property().name().equals("depends-on");
        entry.slots().values().forEach(v -> typed(v, dependsOn));
        if (entry.block() != null) {
          block(entry.block());
        }
      }
    }
  }

  private void typed(Typed value, boolean dependsOn) {
    if (value instanceof Typed.Ref ref && ref.target() != null) {
      Symbol target = symbol(ref.target());
      if (target != null) {
        add(ref.span(), target);
        if (dependsOn) {
          anyKind.add(ref.span());
        }
      }
    } else if (value instanceof Typed.Items items) {
      items.items().forEach(v -> typed(v, dependsOn));
    } else if (value instanceof Typed.Entries entries) {
      entries.values().values().forEach(v -> typed(v, dependsOn));
    }
  }

  /** {@code via cilium}: the word names a capability; it refers to the components that provide it. */
  private void capabilities(Program program, Decl decl) {
    for (Need need : Needs.capabilities(program.model(), decl)) {
      for (List<BoundEntry> entries : decl.body().entries().values()) {
        for (BoundEntry entry : entries) {
          Typed value = entry.value();
          boolean word = value instanceof Typed.Sym || value instanceof Typed.Str;
          if (word && entry.entry().span().equals(need.span())) {
            program.providers(need.capability()).stream().map(ReferenceIndex::symbol)
                .filter(s -> s != null).forEach(s -> add(value.span(), s));
            capabilityWords.add(value.span());
          }
        }
      }
    }
  }

  /** A template's {@code $param}s and {@code ${param}}s (in its body and its defaults) refer to its parameters. */
  private void template(Item.Template template) {
    Symbol self = symbol(template);
    if (self == null) {
      return;
    }
    symbols.put(self.selection(), self);
    Map<String, Symbol> params = parameters(template);
    params.values().forEach(p -> symbols.put(p.selection(), p));
    if (template.body() != null) {
      template.body().entries().forEach(e -> params(e, p -> {
        Symbol param = params.get(p.name());
        if (param != null) {
          add(p.span(), param);
        }
      }));
    }
    for (Symbol param : params.values()) {
      Set<SourceSpan> found = new LinkedHashSet<>();
      if (template.body() != null) {
        template.body().entries().forEach(e -> Interpolations.inEntry(e, param.name(), found));
      }
      template.params().stream().filter(p -> p.defaultValue() != null)
          .forEach(p -> Interpolations.inValue(p.defaultValue(), param.name(), found));
      interpolated(found, param);
    }
  }

  private void interpolated(Set<SourceSpan> found, Symbol param) {
    for (SourceSpan span : found) {
      add(span, param);
      interpolations.add(span);
    }
  }

  /** {@code from media-app(port: 8989)}: the template's name, and each named argument's parameter. */
  private void call(Item.TemplateCall call, Item.Template template) {
    Symbol target = template == null ? null : symbol(template);
    if (target == null) {
      return;
    }
    add(call.template().span(), target);
    Map<String, Symbol> params = parameters(template);
    for (Item.Arg arg : call.args()) {
      if (arg.name() != null && params.containsKey(arg.name().text())) {
        add(arg.name().span(), params.get(arg.name().text()));
      }
      for (Symbol param : params.values()) {
        Set<SourceSpan> found = new LinkedHashSet<>();
        if (arg.value() != null) {
          Interpolations.inValue(arg.value(), param.name(), found);
        }
        interpolated(found, param);
      }
    }
  }

  static Map<String, Symbol> parameters(Item.Template template) {
    Map<String, Symbol> params = new LinkedHashMap<>();
    for (Item.Param param : template.params()) {
      if (param.name() != null) {
        params.putIfAbsent(param.name().text(), new Symbol("parameter", param.name().text(), param.span(), param.name().span()));
      }
    }
    return params;
  }

  private static void params(Entry entry, Consumer<Value.Param> action) {
    List<Value> values = new ArrayList<>(entry.args());
    while (!values.isEmpty()) {
      Value value = values.remove(values.size() - 1);
      if (value instanceof Value.Param p) {
        action.accept(p);
      } else if (value instanceof Value.ListOf l) {
        values.addAll(l.items());
      } else if (value instanceof Value.MapOf m) {
        m.entries().forEach(e -> values.add(e.value()));
      }
    }
    if (entry.block() != null) {
      entry.block().entries().forEach(e -> params(e, action));
    }
  }
}
