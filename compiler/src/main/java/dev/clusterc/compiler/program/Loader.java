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
 * everything they import, transitively. Reports imports that name nothing, imports of what is not a
 * regular file, and import cycles. Each file is read once, however many paths lead to it.
 */
final class Loader {
  private final Workspace workspace;
  private final Consumer<Diagnostic> report;
  /** Keyed by {@link #identity}, so that a file reached through a symlink is still read once. */
  private final Map<Path, SourceUnit> loaded = new LinkedHashMap<>();
  /** The identities of the files being visited, innermost first, and the paths they were reached by. */
  private final Deque<Path> stack = new ArrayDeque<>();
  private final Map<Path, Path> reachedAs = new java.util.HashMap<>();

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
    Path identity = identity(file);
    if (loaded.containsKey(identity)) {
      return;
    }
    SourceUnit unit = workspace.unit(file);
    loaded.put(identity, unit);
    reachedAs.put(identity, file);
    stack.push(identity);
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
    } else if (workspace.exists(target) && !workspace.isReadable(target)) {
      report.accept(Diagnostic.error(Code.IMPORT_NOT_FOUND, imported.path().span(),
              "cannot import `" + path + "`: it is not a regular file (a pipe, device or socket)")
          .withHint("an import names a .cluster file or a directory of them"));
      return;
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
      if (stack.contains(identity(file))) {
        report.accept(Diagnostic.error(Code.IMPORT_CYCLE, imported.path().span(), "import cycle: " + cycle(identity(file)))
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
      names.add(workspace.display(reachedAs.get(p)));
    }
    names.add(workspace.display(reachedAs.get(closing)));
    return String.join(" → ", names);
  }

  /**
   * What makes two paths one file: the real path on disk (symlinks resolved), or the normalised
   * path of an editor overlay or a file that cannot be resolved. Visiting each identity once keeps
   * import resolution linear in the number of files, even through symlink loops.
   */
  private Path identity(Path file) {
    Path normal = file.toAbsolutePath().normalize();
    if (workspace.hasOverlay(normal)) {
      return normal;
    }
    try {
      return normal.toRealPath();
    } catch (IOException e) {
      return normal;
    }
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
