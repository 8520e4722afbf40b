package dev.clusterc.compiler.api;

import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.source.Position;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Renames a declaration, a template or a template parameter everywhere it is named, or says why it
 * will not. The rule is that the cluster must mean the same after the edits: what the name is comes
 * from {@link RenameTargets}; a new name that does not fit is refused by {@link RenameConflicts}
 * (within the sources) and {@link RenameBindings} (a name or namespace held outside them); a
 * database's readers keep their environment prefix ({@link DatabasePrefixes}); and what the rename
 * replaces in a running cluster is said ({@link RenameConsequences}).
 */
final class Renamer {
  private final Program program;
  private final ReferenceIndex index;
  private final RenameTargets targets;

  Renamer(Navigator navigator, Program program, ReferenceIndex index) {
    this.program = program;
    this.index = index;
    this.targets = new RenameTargets(navigator, program, index);
  }

  /** Whether the name at a position can be renamed, with no edits yet. */
  Renaming target(String path, Position position) {
    return targets.target(path, position);
  }

  /** Renaming the name at a position to {@code newName}: every occurrence, or why not. */
  Renaming rename(String path, Position position, String newName) {
    Renaming target = target(path, position);
    if (!(target instanceof Renaming.Allowed allowed) || newName.equals(allowed.symbol().name())) {
      return target;
    }
    Symbol symbol = allowed.symbol();
    RenameConflicts conflicts = new RenameConflicts(program, index);
    RenameBindings bindings = new RenameBindings(program);
    DatabasePrefixes prefixes = new DatabasePrefixes(program);
    String problem = firstProblem(List.of(
        () -> conflicts.invalid(symbol, newName),
        () -> bindings.heldOutside(symbol),
        () -> conflicts.taken(symbol, newName),
        () -> conflicts.captured(symbol, newName),
        () -> bindings.movesNamespace(symbol, newName),
        () -> prefixes.unkept(symbol, newName)));
    if (problem != null) {
      return new Renaming.Refused(problem);
    }
    Set<SourceSpan> spans = new LinkedHashSet<>();
    spans.add(symbol.selection());
    index.references(symbol).stream().filter(s -> !index.isCapabilityWord(s)).map(RenameTargets::nameOf).forEach(spans::add);
    Map<SourceSpan, String> suffixes = prefixes.kept(symbol, newName);
    List<TextEdit> edits = spans.stream()
        .sorted(Comparator.comparing((SourceSpan s) -> s.file().path()).thenComparingInt(SourceSpan::start))
        .map(s -> new TextEdit(s, newName + suffixes.getOrDefault(s, ""))).toList();
    return new Renaming.Allowed(symbol, allowed.name(), edits, RenameConsequences.of(program, symbol, newName));
  }

  /** The first reason given, in the order asked, or {@code null}. */
  private static String firstProblem(List<Supplier<String>> checks) {
    for (Supplier<String> check : checks) {
      String problem = check.get();
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }
}
