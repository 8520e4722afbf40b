package dev.clusterc.compiler.api;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.check.NameRulesChecker;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.files.SecretFile;
import dev.clusterc.compiler.load.Stdlib;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.Namespaces;
import dev.clusterc.compiler.rules.SecretUsers;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.Position;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renames a declaration, a template or a template parameter everywhere it is named, or says why it
 * will not. The rule is that the cluster must mean the same after the edits, so a rename is refused
 * when the new name is not a name (the lexer's identifier, not a reserved word, a Kubernetes name
 * for what becomes one), when it is taken (names are unique per kind; templates among templates,
 * the standard library's included; parameters within their template), when a file the rename
 * cannot change holds the name (a {@code sops} or {@code sealed} secret's object) or the namespace
 * named after it, when a name written
 * elsewhere would change what it refers to ({@code depends-on} made ambiguous, a reference that
 * named nothing now naming this), when the standard library would have to change, and while a file
 * has syntax errors (a reference the parser could not read would be missed).
 */
final class Renamer {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final Set<String> RESERVED = Set.of("import", "use", "template", "from", "for");
  private static final Set<Code> UNRESOLVED = EnumSet.of(Code.UNDEFINED_REFERENCE, Code.WRONG_REFERENCE_KIND,
      Code.UNKNOWN_TEMPLATE, Code.TEMPLATE_ARGUMENT);

  private final Navigator navigator;
  private final Program program;
  private final ReferenceIndex index;

  Renamer(Navigator navigator, Program program, ReferenceIndex index) {
    this.navigator = navigator;
    this.program = program;
    this.index = index;
  }

  /** Whether the name at a position can be renamed, with no edits yet. */
  Renaming target(String path, Position position) {
    Optional<SyntaxNode> found = navigator.nodeAt(path, position);
    if (found.isEmpty()) {
      return refused("there is no name here to rename");
    }
    SyntaxNode node = found.get();
    switch (node.role()) {
      case KIND, ENTRY_KEY -> {
        return refused("`" + node.text() + "` is a keyword, not a name: only the names of declarations, templates and "
            + "template parameters can be renamed");
      }
      case MAP_KEY -> {
        return refused("`" + node.text() + "` is a key of a map, not a name that refers to something");
      }
      case DECLARATION, ENTRY -> {
        return refused("there is no name here to rename: put the cursor on the name of a declaration, a template or a template parameter");
      }
      default -> { }
    }
    if (navigator.declarationAt(path, position).filter(s -> s.keyword().equals("import")).isPresent()) {
      return refused("the path of an import is not a name; rename the file instead");
    }
    List<Symbol> symbols = navigator.definition(path, position);
    SourceSpan at = referenceAt(path, position, node);
    if (symbols.size() > 1 || index.isCapabilityWord(at)) {
      return refused("`" + at.text() + "` here names a capability that components provide, not one declaration: "
          + "rename the component where it is declared");
    }
    if (symbols.isEmpty()) {
      return refused("`" + node.text() + "` names no declaration, template or template parameter that is in effect, "
          + "so there is nothing to rename");
    }
    Symbol symbol = symbols.get(0);
    if (isLibrary(symbol.selection())) {
      return refused("`" + symbol.name() + "` is declared in the standard library (" + symbol.selection().file().path()
          + "), which a rename cannot change");
    }
    Optional<SourceSpan> inLibrary = index.references(symbol).stream().filter(this::isLibrary).findFirst();
    if (inLibrary.isPresent()) {
      return refused("renaming `" + symbol.name() + "` would change the standard library, which names it at " + inLibrary.get());
    }
    Optional<SourceUnit> broken = program.units().stream().filter(SourceUnit::hasErrors).findFirst();
    if (broken.isPresent()) {
      return refused(broken.get().file().path() + " has syntax errors: fix them first, so that the rename cannot miss "
          + "a name the parser could not read");
    }
    return new Renaming.Allowed(symbol, nameOf(at), List.of());
  }

  /** Renaming the name at a position to {@code newName}: every occurrence, or why not. */
  Renaming rename(String path, Position position, String newName) {
    Renaming target = target(path, position);
    if (!(target instanceof Renaming.Allowed allowed) || newName.equals(allowed.symbol().name())) {
      return target;
    }
    Symbol symbol = allowed.symbol();
    String problem = invalid(symbol, newName);
    if (problem == null) {
      problem = boundToFile(symbol);
    }
    if (problem == null) {
      problem = taken(symbol, newName);
    }
    if (problem == null) {
      problem = captured(symbol, newName);
    }
    if (problem == null) {
      problem = movesNamespace(symbol, newName);
    }
    if (problem != null) {
      return refused(problem);
    }
    List<SourceSpan> spans = new ArrayList<>();
    spans.add(symbol.selection());
    index.references(symbol).stream().filter(s -> !index.isCapabilityWord(s)).map(Renamer::nameOf)
        .filter(s -> !spans.contains(s)).forEach(spans::add);
    List<TextEdit> edits = spans.stream()
        .sorted(Comparator.comparing((SourceSpan s) -> s.file().path()).thenComparingInt(SourceSpan::start))
        .map(s -> new TextEdit(s, newName)).toList();
    return new Renaming.Allowed(symbol, allowed.name(), edits);
  }

  /** Why {@code name} cannot be written where {@code symbol}'s name is, or {@code null}. */
  private String invalid(Symbol symbol, String name) {
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
    if (kind.get() == Kind.CLUSTER) {
      var gitops = program.cluster().flatMap(c -> Cluster.of(program.model())).map(Cluster::gitops);
      if (gitops.isEmpty()) {
        return null;
      }
      if (gitops.get().isFlux() && name.equals("flux-system")) {
        return "with `gitops flux` the cluster may not be named `flux-system`: its GitRepository takes the cluster's name";
      }
      String label = NameRulesChecker.problem(name);
      return label == null ? null : "`" + name + "` cannot name a cluster under `gitops " + gitops.get().engine()
          + "`: it is not a valid Kubernetes name (" + label + "); try `" + NameRulesChecker.suggest(name) + "`";
    }
    String label = NameRulesChecker.problem(name);
    return label == null ? null : "`" + name + "` cannot name " + kind.get().withArticle() + ": it is not a valid Kubernetes name ("
        + label + "); try `" + NameRulesChecker.suggest(name) + "`";
  }

  /**
   * Why the name is bound to a file that the rename cannot change, or {@code null}: a secret read
   * from a {@code sops} or {@code sealed} file holds an object that must be named as the declaration
   * (and a sealed one opens only under the name it was sealed for).
   */
  private String boundToFile(Symbol symbol) {
    if (!symbol.keyword().equals(Kind.SECRET.keyword())) {
      return null;
    }
    Decl secret = program.scope().lookup(Kind.SECRET, symbol.name()).orElse(null);
    if (secret == null || secret.body() == null) {
      return null;
    }
    for (String source : List.of("sops", "sealed")) {
      Optional<String> file = secret.body().str(source);
      if (file.isPresent()) {
        return "secret `" + symbol.name() + "` reads `" + file.get() + "`, whose " + (source.equals("sops") ? "Secret" : "SealedSecret")
            + " must be named as the declaration: rename the object in that file first"
            + (source.equals("sealed") ? " (seal it again under the new name)" : "") + ", then the declaration";
      }
    }
    return null;
  }

  /** Why {@code name} is taken by something of the same namespace, or {@code null}. */
  private String taken(Symbol symbol, String name) {
    if (symbol.keyword().equals("template")) {
      Item.Template other = program.templates().get(name);
      if (other != null) {
        return isLibrary(other.span()) ? "the standard library has a template named `" + name + "`, and a template of yours named so would hide it"
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
  private String captured(Symbol symbol, String name) {
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

  /**
   * Why moving the namespace would change the cluster, or {@code null}. An app or component without
   * a {@code namespace} lives in a namespace of its name, and so may what follows it there (its
   * volumes, a gateway of its class); the rename moves them all. Refused when the new namespace is
   * in use already, or when a secret read in the old one comes from a file bound to that namespace.
   */
  private String movesNamespace(Symbol symbol, String name) {
    Kind kind = Kind.of(symbol.keyword()).orElse(null);
    if (kind != Kind.APP && kind != Kind.COMPONENT) {
      return null;
    }
    Decl decl = program.scope().lookup(kind, symbol.name()).orElse(null);
    if (decl == null || decl.body() == null || decl.body().sym("namespace").isPresent()) {
      return null;
    }
    Namespaces namespaces = new Namespaces(program.model());
    if (!symbol.name().equals(namespaces.of(decl))) {
      return null;
    }
    for (Decl other : program.decls()) {
      if (other.body() != null && name.equals(namespaces.of(other))) {
        return decl.label() + " lives in the namespace of its name; as `" + name + "` it would move into namespace " + name
            + ", where " + other.label() + " is already";
      }
    }
    for (Decl secret : program.decls(Kind.SECRET)) {
      String bound = program.files().secret(secret).map(SecretFile::namespace).orElse(null);
      if (bound != null && SecretUsers.placements(program.model(), namespaces, secret).stream()
          .anyMatch(p -> p.namespace().equals(symbol.name()))) {
        return decl.label() + " lives in the namespace of its name, and secret `" + secret.name() + "` is read there from a file "
            + "bound to namespace " + bound + ": give " + decl.label() + " `namespace " + symbol.name() + "` first, or move the secret";
      }
    }
    return null;
  }

  /** The reference under the cursor: the node's span, or inside a string the {@code ${param}} there. */
  private SourceSpan referenceAt(String path, Position position, SyntaxNode node) {
    if (node.role() == SyntaxNode.Role.VALUE && node.text().startsWith("\"")) {
      SourceUnit unit = program.units().stream().filter(u -> u.file().path().equals(path)).findFirst().orElse(null);
      if (unit != null) {
        SourceSpan interpolated = index.interpolationAt(path, unit.file().offset(position.line(), position.column()));
        if (interpolated != null) {
          return interpolated;
        }
      }
    }
    return node.span();
  }

  private boolean usesOwnName(Item.Template template) {
    List<SourceSpan> found = new ArrayList<>();
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

  /** Whether a span lies in a standard-library document (not a cluster file that happens to sit under {@code std/}). */
  private boolean isLibrary(SourceSpan span) {
    String path = span.file().path();
    return Stdlib.units().values().stream().anyMatch(u -> u.file().path().equals(path))
        && program.units().stream().noneMatch(u -> u.file().path().equals(path));
  }

  /** The name in a reference: {@code $port} is the parameter {@code port}. */
  private static SourceSpan nameOf(SourceSpan span) {
    return span.text().startsWith("$") ? new SourceSpan(span.file(), span.start() + 1, span.end()) : span;
  }

  /** A reference's text without a parameter's {@code $} or the {@code ${ }} around it. */
  private static String bare(String text) {
    String name = text.startsWith("${") && text.endsWith("}") ? text.substring(2, text.length() - 1).trim() : text;
    return name.startsWith("$") ? name.substring(1) : name;
  }

  private static String what(Symbol symbol) {
    return symbol.keyword().equals("parameter") ? "parameter" : symbol.keyword();
  }

  private static Renaming refused(String reason) {
    return new Renaming.Refused(reason);
  }
}
