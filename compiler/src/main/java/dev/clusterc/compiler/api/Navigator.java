package dev.clusterc.compiler.api;

import dev.clusterc.compiler.load.Stdlib;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Property;
import dev.clusterc.compiler.schema.Schema;
import dev.clusterc.compiler.source.Position;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Entry;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers what an editor asks about a position in an analysed cluster: the node, declaration and
 * entry there, where a name is defined and who refers to it, a document's outline, what may be
 * typed there and which kind a reference slot expects. Documents are named by their path as
 * diagnostics print it (the standard library's as {@code std/NAME.cluster}); positions are
 * 1-based. Nothing here throws on a position: one outside the document, or a document the
 * analysis does not know, gets an empty answer. Works on documents with syntax errors, from the
 * tolerant parser's tree.
 */
public final class Navigator {
  private final Program program;
  private final Path workingDirectory;
  private final Map<String, SourceUnit> documents = new LinkedHashMap<>();
  private ReferenceIndex index;

  /** Over documents whose paths are relative to the process's working directory. */
  Navigator(Program program) {
    this(program, Path.of(""));
  }

  /** @param workingDirectory the directory the documents' paths are relative to (where they are not absolute) */
  Navigator(Program program, Path workingDirectory) {
    this.program = program;
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    for (SourceUnit unit : program.units()) {
      documents.putIfAbsent(unit.file().path(), unit);
    }
    for (SourceUnit unit : Stdlib.units().values()) {
      documents.putIfAbsent(unit.file().path(), unit);
    }
  }

  /** The paths of the documents this navigator answers for: the cluster's files, then the standard library's. */
  public List<String> documents() {
    return List.copyOf(documents.keySet());
  }

  /** The innermost syntax node at a position. */
  public Optional<SyntaxNode> nodeAt(String path, Position position) {
    return offset(path, position).map(o -> NodeFinder.find(documents.get(path), o).node());
  }

  /** The top-level declaration, {@code use}, {@code import} or template at a position. */
  public Optional<Symbol> declarationAt(String path, Position position) {
    return offset(path, position).map(o -> NodeFinder.find(documents.get(path), o).item()).map(Navigator::symbolOf);
  }

  /** The innermost entry at a position, with its usage from the schema. */
  public Optional<EntryInfo> entryAt(String path, Position position) {
    return entryTrail(path, position).map(walk -> {
      Entry entry = walk.trail().innermostEntry();
      return new EntryInfo(entry.key().text(), walk.owner(), walk.keys(), entry.span(), entry.key().span(),
          walk.property() == null ? null : walk.property().usage());
    });
  }

  /**
   * The entries from the top-level item down to the innermost one at a position, read against the
   * schema: the item's kind, the block the innermost entry sits in ({@code parent}, {@code null} at
   * the top level), the keys on the way and the innermost entry's property ({@code null} when its
   * owner does not take it).
   */
  private record EntryWalk(NodeFinder.Trail trail, String kind, String parent, List<String> keys, Property property) {
    String owner() {
      return parent != null ? parent : kind;
    }
  }

  private Optional<EntryWalk> entryTrail(String path, Position position) {
    Optional<Integer> offset = offset(path, position);
    if (offset.isEmpty()) {
      return Optional.empty();
    }
    NodeFinder.Trail trail = NodeFinder.find(documents.get(path), offset.get());
    if (trail.entries().isEmpty()) {
      return Optional.empty();
    }
    Schema schema = ItemSchemas.schemaOf(trail.item()).orElse(null);
    String parent = null;
    List<String> keys = new ArrayList<>();
    Property property = null;
    for (Entry entry : trail.entries()) {
      if (property != null) {
        parent = property.name();
        schema = property.block();
      }
      keys.add(entry.key().text());
      property = schema == null ? null : schema.property(entry.key().text()).orElse(null);
    }
    return Optional.of(new EntryWalk(trail, ItemSchemas.ownerOf(trail.item()), parent, List.copyOf(keys), property));
  }

  /**
   * What the name at a position refers to: a declaration (of the sources or the standard library),
   * a template or a template parameter; on a declaration's own name, that declaration. Several for
   * a capability that more than one component provides.
   */
  public List<Symbol> definition(String path, Position position) {
    Optional<SourceSpan> name = nameAt(path, position);
    if (name.isEmpty()) {
      return List.of();
    }
    Set<Symbol> targets = index().targets(name.get());
    if (!targets.isEmpty()) {
      return List.copyOf(targets);
    }
    Symbol declared = index().declaredAt(name.get());
    if (declared != null) {
      return List.of(declared);
    }
    SourceSpan interpolated = offset(path, position).map(o -> index().interpolationAt(path, o)).orElse(null);
    return interpolated == null ? List.of() : List.copyOf(index().targets(interpolated));
  }

  /**
   * Every span that refers to what the name at a position names (a reference or the declaration's
   * own name), across the files and the standard library, sorted by file and offset; with the
   * declaration's name first when {@code includeDeclaration}.
   */
  public List<SourceSpan> references(String path, Position position, boolean includeDeclaration) {
    List<SourceSpan> found = new ArrayList<>();
    for (Symbol symbol : definition(path, position)) {
      if (includeDeclaration && !found.contains(symbol.selection())) {
        found.add(symbol.selection());
      }
      index().references(symbol).stream()
          .sorted(Comparator.comparing((SourceSpan s) -> s.file().path()).thenComparingInt(SourceSpan::start))
          .filter(s -> !found.contains(s))
          .forEach(found::add);
    }
    return List.copyOf(found);
  }

  /** The outline of a document: its items, with the entries that have blocks of their own nested. */
  public List<OutlineItem> outline(String path) {
    SourceUnit unit = documents.get(path);
    return unit == null ? List.of() : OutlineBuilder.outline(unit);
  }

  /** What may be typed at a position; {@link Completion.Nothing} when nothing is known to fit. */
  public Completion completion(String path, Position position) {
    Optional<Integer> offset = offset(path, position);
    if (offset.isEmpty()) {
      SourceFile file = documents.containsKey(path) ? documents.get(path).file() : new SourceFile(String.valueOf(path), "");
      return new Completion.Nothing(SourceSpan.at(file, 0));
    }
    return CompletionContexts.at(program, documents.get(path), offset.get());
  }

  /** The reference slot at a position, with the kind it expects ({@code null} kind: any kind), if the position is one. */
  public Optional<Completion.Reference> expectedReference(String path, Position position) {
    return completion(path, position) instanceof Completion.Reference r ? Optional.of(r) : Optional.empty();
  }

  /** Standard-library component names, sorted. */
  static List<String> stdComponents() {
    List<String> names = new ArrayList<>();
    for (SourceUnit unit : Stdlib.units().values()) {
      for (Item item : unit.items()) {
        if (item instanceof Item.Declaration d && d.name() != null && d.kind().text().equals("component")) {
          names.add(d.name().text());
        }
      }
    }
    return names.stream().distinct().sorted().toList();
  }

  /** The span of the name (a reference or a declared name) under the cursor, if there is one. */
  private Optional<SourceSpan> nameAt(String path, Position position) {
    return nodeAt(path, position).filter(n -> n.role() != SyntaxNode.Role.DECLARATION && n.role() != SyntaxNode.Role.ENTRY)
        .map(SyntaxNode::span);
  }

  /** Built on the first question that needs it; an editor asks from several threads. */
  private synchronized ReferenceIndex index() {
    if (index == null) {
      index = new ReferenceIndex(program);
    }
    return index;
  }

  /** The offset of a position in a known document, or empty when the document or the position is outside. */
  private Optional<Integer> offset(String path, Position position) {
    SourceUnit unit = path == null || position == null ? null : documents.get(path);
    if (unit == null || position.line() < 1 || position.column() < 1 || position.line() > unit.file().lineCount()) {
      return Optional.empty();
    }
    SourceFile file = unit.file();
    if (position.column() - 1 > file.lineText(position.line()).length()) {
      return Optional.empty();
    }
    return Optional.of(file.offset(position.line(), position.column()));
  }

  private static Symbol symbolOf(Item item) {
    if (item instanceof Item.Declaration d && d.kind() != null) {
      return new Symbol(d.kind().text(), d.name() == null ? "" : d.name().text(), d.span(),
          d.name() == null ? d.kind().span() : d.name().span());
    } else if (item instanceof Item.Use u) {
      return new Symbol("use", u.name() == null ? "" : u.name().text(), u.span(), u.name() == null ? u.span() : u.name().span());
    } else if (item instanceof Item.Template t) {
      return new Symbol("template", t.name() == null ? "" : t.name().text(), t.span(), t.name() == null ? t.span() : t.name().span());
    } else if (item instanceof Item.Import i) {
      return new Symbol("import", i.path() == null ? "" : i.path().raw(), i.span(), i.path() == null ? i.span() : i.path().span());
    }
    return null;
  }

  /**
   * The classified tokens of a document, in text order and never overlapping, for an editor's
   * highlighting: the lexer's pieces with the roles the tree and the analysis give them (a word
   * that names a declaration is a reference, marked when it names the standard library's). Empty
   * for a document the analysis does not know.
   */
  public List<DocumentToken> tokens(String path) {
    SourceUnit unit = path == null ? null : documents.get(path);
    return unit == null ? List.of() : DocumentTokens.of(unit, index());
  }

  /**
   * The documents the {@code import} at a position names (any position on the import): the cluster's
   * files it loaded, or the standard library's for {@code std/…}; empty for any other position and
   * for an import that named nothing.
   */
  public List<String> imported(String path, Position position) {
    return offset(path, position).map(o -> NodeFinder.find(documents.get(path), o).item())
        .filter(Item.Import.class::isInstance)
        .map(i -> ImportTargets.of((Item.Import) i, path, documents.keySet(), workingDirectory))
        .orElse(List.of());
  }

  /**
   * Whether the name at a position (a declaration's, a template's or a parameter's, where it is
   * declared or where it is named) can be renamed: the symbol and the name's span, or why not
   * (a keyword, no name, the standard library, a capability word, syntax errors in the files).
   */
  public Renaming renaming(String path, Position position) {
    return new Renamer(this, program, index()).target(path, position);
  }

  /**
   * Renames the name at a position to {@code newName}: the edits over every file that names it, or
   * why not. Refused as {@link #renaming} is, and also when {@code newName} is not a valid name for
   * what it names, is taken (per kind; templates among templates, the standard library's included;
   * parameters within their template), would change what another name written in the files
   * refers to, or is held outside the files (a node's machine, a secret's file, a namespace that
   * something else writes). After the edits the cluster checks as before, with the new name for the
   * old; the apps reading a renamed database keep their environment ({@code as PREFIX} is written
   * where it was implied); and what a running cluster would lose is in {@link Renaming.Allowed#consequences}.
   */
  public Renaming rename(String path, Position position, String newName) {
    return new Renamer(this, program, index()).rename(path, position, newName);
  }

  /**
   * What the analysis knows about a symbol (one that {@link #definition} or {@link #declarationAt}
   * answered): its signature and doc comment, its layer and resolved values. Empty for a symbol this
   * analysis does not know.
   */
  public Optional<DeclarationFacts> facts(Symbol symbol) {
    return new FactsBuilder(program, documents).facts(symbol);
  }

  /** What the schema says about the innermost entry at a position; empty off an entry or for a keyword its owner does not take. */
  public Optional<EntryDoc> entryDoc(String path, Position position) {
    return entryTrail(path, position).filter(walk -> walk.property() != null).map(walk -> {
      Property property = walk.property();
      List<String> inner = property.block() == null ? List.of() : property.block().properties().stream().map(Property::usage).toList();
      return new EntryDoc(property.name(), walk.owner(), property.usage(), property.required(), property.repeatable(),
          EntryDefaults.written(property), inner, LanguageReference.entry(walk.kind(), walk.parent(), property.name()));
    });
  }

  /** The spans of a document's {@code #} comments, in order (each from its {@code #} to the end of its line). */
  public List<SourceSpan> comments(String path) {
    SourceUnit unit = documents.get(path);
    if (unit == null) {
      return List.of();
    }
    return unit.comments().stream()
        .map(c -> new SourceSpan(unit.file(), c.offset(), Math.min(unit.file().text().length(), c.offset() + c.text().length())))
        .toList();
  }

  /**
   * The spans of a document's bracketed parts, for an editor to fold: every block (of a declaration,
   * {@code use}, template or entry), map, list, template call and text block, outermost first, in
   * text order; from the tolerant parser's tree, so a document with errors has them too. Empty for
   * a document the analysis does not know.
   */
  public List<SourceSpan> foldable(String path) {
    SourceUnit unit = documents.get(path);
    return unit == null ? List.of() : FoldableParts.of(unit);
  }
}
