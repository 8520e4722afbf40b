package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise of rename, on every example: each declaration and template of its files renamed in
 * turn (from its own name) gives edits after which the cluster checks exactly as before, with the
 * new name for the old; or a refusal, and a fresh name is refused only where something outside the
 * sources holds the name: a secret's file (or the namespace named after it), or a node's machine,
 * whose hostname the node's name is. Template parameters too.
 */
class RenameSweepTest {
  /** The only refusals a fresh name meets: a sops or sealed file that holds the name or the namespace named after it, a node's machine. */
  static final Pattern HELD_OUTSIDE = Pattern.compile("whose (Sealed)?Secret must be named as the declaration|is read there from a file bound to namespace"
      + "|^node [^:]+: node `[^`]+`: the node's name is the machine's hostname");

  static Stream<Path> examples() throws IOException {
    try (var dirs = Files.list(Repo.root().resolve("examples"))) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyNameOfAnExampleRenamesToAClusterThatChecksAsBefore(Path example) {
    Analysis analysis = ClusterCompiler.open(example, example).analyse();
    Navigator navigator = analysis.navigator();
    List<String> before = shown(analysis, null, null);
    int renamed = 0;
    List<String> refused = new ArrayList<>();
    for (SourceFile document : analysis.documents()) {
      for (Symbol symbol : names(navigator, document.path())) {
        String newName = symbol.name().length() > 50 ? "renamed" : symbol.name() + "-renamed";
        Renaming renaming = navigator.rename(document.path(), symbol.selection().begin(), newName);
        if (renaming instanceof Renaming.Refused r) {
          refused.add(symbol.keyword() + " " + symbol.name() + ": " + r.reason());
          continue;
        }
        List<TextEdit> edits = ((Renaming.Allowed) renaming).edits();
        assertTrue(edits.size() >= 1);
        assertEquals(before, shown(reanalysed(example, analysis, edits), newName, symbol.name()),
            "renaming " + symbol.keyword() + " " + symbol.name() + " in " + example.getFileName());
        renamed++;
      }
    }
    assertTrue(renamed > 0, "something was renamed in " + example.getFileName());
    assertEquals(List.of(), refused.stream().filter(r -> !HELD_OUTSIDE.matcher(r).find()).toList(),
        "a fresh name is refused only where a secret file or a machine holds the name, in " + example.getFileName());
  }

  /** The declarations, templates and template parameters declared in a document. */
  private static List<Symbol> names(Navigator navigator, String path) {
    List<Symbol> names = new ArrayList<>();
    for (OutlineItem item : navigator.outline(path)) {
      if (item.keyword().equals("use") || item.keyword().equals("import") || item.name().isEmpty()) {
        continue;
      }
      navigator.definition(path, item.selection().begin()).stream().findFirst().ifPresent(names::add);
      if (item.keyword().equals("template")) {
        String text = item.span().text();
        int open = text.indexOf('(');
        int close = text.indexOf(')');
        for (int at = open + 1; open >= 0 && at < close; at++) {
          if (Character.isLetter(text.charAt(at)) && !Character.isLetterOrDigit(text.charAt(at - 1)) && text.charAt(at - 1) != '-') {
            var position = item.span().file().position(item.span().start() + at);
            navigator.definition(path, position).stream().filter(s -> s.keyword().equals("parameter"))
                .filter(s -> !names.contains(s)).forEach(names::add);
          }
        }
      }
    }
    return names;
  }

  private static Analysis reanalysed(Path example, Analysis analysis, List<TextEdit> edits) {
    ClusterCompiler compiler = ClusterCompiler.open(example, example);
    Map<String, SourceFile> files = new LinkedHashMap<>();
    edits.forEach(e -> files.putIfAbsent(e.span().file().path(), e.span().file()));
    files.forEach((path, file) -> compiler.overlay(example.resolve(path), TextEdit.apply(file, edits)));
    return compiler.analyse();
  }

  private static List<String> shown(Analysis analysis, String from, String to) {
    return analysis.diagnostics().stream()
        .map(d -> d.code().id() + " " + d.span().file().path() + ":" + d.span().begin().line() + " " + d.message() + " " + d.hint())
        .map(s -> from == null ? s : s.replace(from, to)).toList();
  }
}
