package dev.clusterc.compiler.api;

import dev.clusterc.compiler.load.Stdlib;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.source.Position;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the name at a position is, for a rename: the symbol it refers to and the name's span, or
 * why nothing there can be renamed whatever the new name (a keyword, a map key, an import's path, a
 * capability word, the standard library, syntax errors in a file).
 */
final class RenameTargets {
  private final Navigator navigator;
  private final Program program;
  private final ReferenceIndex index;

  RenameTargets(Navigator navigator, Program program, ReferenceIndex index) {
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
    Set<String> library = libraryPaths(program);
    if (library.contains(symbol.selection().file().path())) {
      return refused("`" + symbol.name() + "` is declared in the standard library (" + symbol.selection().file().path()
          + "), which a rename cannot change");
    }
    Optional<SourceSpan> inLibrary = index.references(symbol).stream().filter(s -> library.contains(s.file().path())).findFirst();
    if (inLibrary.isPresent()) {
      return refused("renaming `" + symbol.name() + "` would change the standard library, which names it at " + inLibrary.get());
    }
    Optional<SourceUnit> broken = program.units().stream().filter(SourceUnit::hasErrors).findFirst();
    if (broken.isPresent()) {
      return refused(broken.get().file().path() + " has syntax errors: fix them first, so that the rename cannot miss "
          + "a name the parser could not read");
    }
    return new Renaming.Allowed(symbol, nameOf(at), List.of(), List.of());
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

  /** The paths of the standard library's documents (not a cluster file that happens to sit under {@code std/}). */
  static Set<String> libraryPaths(Program program) {
    Set<String> paths = new HashSet<>();
    Stdlib.units().values().forEach(u -> paths.add(u.file().path()));
    program.units().forEach(u -> paths.remove(u.file().path()));
    return paths;
  }

  /** The name in a reference: {@code $port} is the parameter {@code port}. */
  static SourceSpan nameOf(SourceSpan span) {
    return span.text().startsWith("$") ? new SourceSpan(span.file(), span.start() + 1, span.end()) : span;
  }

  private static Renaming refused(String reason) {
    return new Renaming.Refused(reason);
  }
}
