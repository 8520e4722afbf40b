package dev.clusterc.compiler.program;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Suggestions;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the files of a cluster: the root (a directory's {@code .cluster} files, or one file) and
 * everything they import, transitively. Reports imports that name nothing and import cycles.
 */
final class Loader {
  private final Workspace workspace;
  private final Consumer<Diagnostic> report;
  private final Map<Path, SourceUnit> loaded = new LinkedHashMap<>();
  private final Deque<Path> stack = new ArrayDeque<>();

  Loader(Workspace workspace, Consumer<Diagnostic> report) {
    this.workspace = workspace;
    this.report = report;
  }

  /** The units of the cluster at {@code root}, root files first, then imports in the order met. */
  List<SourceUnit> load(Path root) throws IOException {
    Path absolute = root.toAbsolutePath().normalize();
    List<Path> files = Files.isDirectory(absolute) ? workspace.clusterFiles(absolute) : List.of(absolute);
    for (Path file : files) {
      visit(file);
    }
    return new ArrayList<>(loaded.values());
  }

  private void visit(Path file) throws IOException {
    if (loaded.containsKey(file)) {
      return;
    }
    SourceUnit unit = workspace.unit(file);
    loaded.put(file, unit);
    stack.push(file);
    for (Item item : unit.items()) {
      if (item instanceof Item.Import imported && imported.path() != null) {
        follow(file, imported);
      }
    }
    stack.pop();
  }

  private void follow(Path from, Item.Import imported) throws IOException {
    String path = imported.path().raw();
    if (path.startsWith("std/") || path.equals("std")) {
      if (!path.equals("std") && Stdlib.unit(path).isEmpty()) {
        List<String> known = Stdlib.units().keySet().stream().toList();
        report.accept(Diagnostic.error(Code.IMPORT_NOT_FOUND, imported.path().span(), "the standard library has no `" + path + "`")
            .withHint(Suggestions.didYouMean(path, known)));
      }
      return;
    }
    Path base = from.getParent();
    Path target = base.resolve(path).normalize();
    List<Path> files;
    if (Files.isDirectory(target)) {
      files = workspace.clusterFiles(target);
    } else if (workspace.exists(target)) {
      files = List.of(target);
    } else if (workspace.exists(Path.of(target + ".cluster"))) {
      files = List.of(Path.of(target + ".cluster"));
    } else {
      String hint = siblingHint(base, path);
      report.accept(Diagnostic.error(Code.IMPORT_NOT_FOUND, imported.path().span(), "nothing to import at `" + path + "`")
          .withHint(hint != null ? hint : "an import names a .cluster file or a directory, relative to " + workspace.display(base)));
      return;
    }
    for (Path file : files) {
      if (stack.contains(file)) {
        report.accept(Diagnostic.error(Code.IMPORT_CYCLE, imported.path().span(), "import cycle: " + cycle(file))
            .withHint("files of one cluster share a scope already; remove one of these imports"));
        continue;
      }
      visit(file);
    }
  }

  private String cycle(Path closing) {
    List<Path> chain = new ArrayList<>(stack);
    java.util.Collections.reverse(chain);
    List<String> names = new ArrayList<>();
    for (Path p : chain.subList(chain.indexOf(closing), chain.size())) {
      names.add(workspace.display(p));
    }
    names.add(workspace.display(closing));
    return String.join(" → ", names);
  }

  private static String siblingHint(Path base, String path) throws IOException {
    if (!Files.isDirectory(base)) {
      return null;
    }
    List<String> siblings = new ArrayList<>();
    try (var stream = Files.list(base)) {
      stream.forEach(p -> siblings.add(p.getFileName().toString()));
    }
    return Suggestions.didYouMean(path, siblings);
  }
}
