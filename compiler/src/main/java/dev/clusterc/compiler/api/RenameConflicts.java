package dev.clusterc.compiler.api;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.load.Stdlib;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.NameRules;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Why a new name cannot take the old one's place within the sources: it is not a name (the lexer's
 * identifier, not a reserved word, a Kubernetes name for what becomes one), it is taken (names are
 * unique per kind; templates among templates, the standard library's included; parameters within
 * their template), or a name written elsewhere would change what it refers to ({@code depends-on}
 * made ambiguous, a reference that named nothing now naming this, a parameter {@code name} hiding
 * {@code ${name}}). What lies outside the sources is {@link RenameBindings}' concern.
 */
final class RenameConflicts {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final Set<String> RESERVED = Set.of("import", "use", "template", "from", "for");
  private static final Set<Code> UNRESOLVED = EnumSet.of(Code.UNDEFINED_REFERENCE, Code.WRONG_REFERENCE_KIND,
      Code.UNKNOWN_TEMPLATE, Code.TEMPLATE_ARGUMENT);

  private final Program program;
  private final ReferenceIndex index;

  RenameConflicts(Program program, ReferenceIndex index) {
    this.program = program;
    this.index = index;
  }

  /** Why {@code name} cannot be written where {@code symbol}'s name is, or {@code null}. */
  String invalid(Symbol symbol, String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      return "`" + name + "` is not a name: a name starts with a letter or `_` and goes on with letters, digits, `_` and `-`";
    }
    if (RESERVED.contains(name)) {
      return "`" + name + "` is a reserved word and cannot be a name";
    }
    Optional<Kind> kind = Kind.of(symbol.keyword());
    if (kind.isEmpty()) {
      return null;
    }
    String label = NameRules.problem(name);
    if (kind.get() == Kind.CLUSTER) {
      var gitops = program.cluster().flatMap(c -> Cluster.of(program.model())).map(Cluster::gitops);
      if (gitops.isEmpty()) {
        return null;
      }
      if (gitops.get().isFlux() && name.equals("flux-system")) {
        return "with `gitops flux` the cluster may not be named `flux-system`: its GitRepository takes the cluster's name";
      }
      return label == null ? null : "`" + name + "` cannot name a cluster under `gitops " + gitops.get().engine()
          + "`: it is not a valid Kubernetes name (" + label + "); try `" + NameRules.suggest(name) + "`";
    }
    return label == null ? null : "`" + name + "` cannot name " + kind.get().withArticle() + ": it is not a valid Kubernetes name ("
        + label + "); try `" + NameRules.suggest(name) + "`";
  }

  /** Why {@code name} is taken by something of the same namespace, or {@code null}. */
  String taken(Symbol symbol, String name) {
    if (symbol.keyword().equals("template")) {
      Item.Template other = program.templates().get(name);
      if (other != null) {
        return RenameTargets.libraryPaths(program).contains(other.span().file().path())
            ? "the standard library has a template named `" + name + "`, and a template of yours named so would hide it"
            : "there is already a template named `" + name + "` (" + other.name().span() + ")";
      }
      return libraryTemplates().contains(name)
          ? "the standard library has a template named `" + name + "`, and a template of yours named so would hide it" : null;
    }
    if (symbol.keyword().equals("parameter")) {
      Item.Template template = templateOf(symbol);
      boolean twice = template != null && template.params().stream().anyMatch(p -> p.name() != null && p.name().text().equals(name));
      return twice ? "template `" + template.name().text() + "` already has a parameter `" + name + "`" : null;
    }
    Kind kind = Kind.of(symbol.keyword()).orElse(null);
    if (kind == null) {
      return null;
    }
    Optional<Decl> same = program.scope().lookup(kind, name);
    if (same.isPresent()) {
      return same.get().isStd()
          ? "the standard-library component `" + name + "` is in use, and names are unique per kind"
          : "there is already " + kind.withArticle() + " named `" + name + "` (" + same.get().site() + "); names are unique per kind";
    }
    if (kind == Kind.COMPONENT && Navigator.stdComponents().contains(name)) {
      return "the standard library has a component named `" + name + "`, and a component of yours named so would take its place";
    }
    if (kind == Kind.STORE && name.startsWith("database-") && program.scope().lookup(Kind.DATABASE, name.substring("database-".length())).isPresent()) {
      return "`" + name + "` is the name of the ClusterSecretStore that database " + name.substring("database-".length())
          + " makes to copy its credentials; a store may not take it";
    }
    if (kind == Kind.DATABASE && program.scope().lookup(Kind.STORE, "database-" + name).isPresent()) {
      return "database " + name + " would make a ClusterSecretStore `database-" + name + "`, and store `database-" + name
          + "` has that name already";
    }
    return null;
  }

  /** Why a name written elsewhere would change what it refers to after the rename, or {@code null}. */
  String captured(Symbol symbol, String name) {
    for (Diagnostic diagnostic : program.diagnostics()) {
      if (UNRESOLVED.contains(diagnostic.code()) && bare(diagnostic.span().text()).equals(name)) {
        return "`" + name + "` is written at " + diagnostic.span() + ", where it does not resolve (" + diagnostic.code().id()
            + "); after the rename it could name this " + what(symbol) + ", so the cluster would change meaning";
      }
    }
    if (symbol.keyword().equals("parameter")) {
      Item.Template template = templateOf(symbol);
      if (name.equals("name") && template != null && usesOwnName(template)) {
        return "`${name}` in template `" + template.name().text() + "` is the name of the declaration made from it; "
            + "a parameter named `name` would take its place";
      }
      return null;
    }
    Optional<Kind> kind = Kind.of(symbol.keyword());
    if (kind.isEmpty()) {
      return null;
    }
    List<Decl> others = program.scope().lookupAnyKind(name);
    if (others.isEmpty()) {
      return null;
    }
    Optional<SourceSpan> mine = index.references(symbol).stream().filter(index::isAnyKind).findFirst();
    if (mine.isPresent()) {
      return "`depends-on` at " + mine.get() + " names this " + kind.get().keyword() + "; as `" + name + "` it would be ambiguous, "
          + "since " + others.get(0).kind().withArticle() + " is named so";
    }
    for (Decl other : others) {
      Symbol theirs = ReferenceIndex.symbol(other);
      Optional<SourceSpan> their = theirs == null ? Optional.empty()
          : index.references(theirs).stream().filter(index::isAnyKind).findFirst();
      if (their.isPresent()) {
        return "`depends-on` at " + their.get() + " names " + other.kind().withArticle() + " `" + name + "`; with "
            + kind.get().withArticle() + " named so too, it would be ambiguous";
      }
    }
    return null;
  }

  private boolean usesOwnName(Item.Template template) {
    Set<SourceSpan> found = new LinkedHashSet<>();
    if (template.body() != null) {
      template.body().entries().forEach(e -> Interpolations.inEntry(e, "name", found));
    }
    template.params().stream().filter(p -> p.defaultValue() != null).forEach(p -> Interpolations.inValue(p.defaultValue(), "name", found));
    for (SourceUnit unit : program.units()) {
      for (Item item : unit.items()) {
        if (item instanceof Item.Declaration d && d.from() != null && d.from().template() != null
            && d.from().template().text().equals(template.name().text())) {
          d.from().args().stream().filter(a -> a.value() != null).forEach(a -> Interpolations.inValue(a.value(), "name", found));
        }
      }
    }
    return !found.isEmpty();
  }

  /** The template a parameter belongs to. */
  private Item.Template templateOf(Symbol parameter) {
    return program.templates().values().stream()
        .filter(t -> t.span().file().equals(parameter.span().file()) && NodeFinder.contains(t.span(), parameter.span().start()))
        .findFirst().orElse(null);
  }

  private static Set<String> libraryTemplates() {
    return Stdlib.units().values().stream().flatMap(u -> u.items().stream())
        .filter(i -> i instanceof Item.Template t && t.name() != null)
        .map(i -> ((Item.Template) i).name().text()).collect(Collectors.toSet());
  }

  /** A reference's text without a parameter's {@code $} or the {@code ${ }} around it. */
  private static String bare(String text) {
    String name = text.startsWith("${") && text.endsWith("}") ? text.substring(2, text.length() - 1).trim() : text;
    return name.startsWith("$") ? name.substring(1) : name;
  }

  private static String what(Symbol symbol) {
    return symbol.keyword().equals("parameter") ? "parameter" : symbol.keyword();
  }
}
