package dev.clusterc.compiler.load;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Suggestions;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the files of a cluster: the root (a directory's {@code .cluster} files, or one file) and
 * everything they import, transitively. Reports imports that name nothing, imports of what is not a
 * regular file, and import cycles (one per import). Each file is read once, however many paths lead
 * to it, and the depth-first walk keeps its own stack: loading is linear in the number of files and
 * imports, and deep import chains cannot overflow the Java stack.
 */
public final class Loader {
  /** Files of a long import cycle named in its message: the first and last few. */
  private static final int CYCLE_ENDS = 5;

  private final Workspace workspace;
  private final Consumer<Diagnostic> report;
  /** Keyed by {@link #identity}, so that a file reached through a symlink is still read once. */
  private final Map<Path, SourceUnit> loaded = new LinkedHashMap<>();
  /** The files being visited, outermost first, each with the imported files it has still to visit. */
  private final List<Frame> frames = new ArrayList<>();
  private final Map<Path, Integer> depthOf = new HashMap<>();
  private final Map<Path, Path> reachedAs = new HashMap<>();
  /** Each directory is listed once, however many files import it. */
  private final Map<Path, List<Path>> listings = new HashMap<>();
  private final Map<Path, List<String>> siblings = new HashMap<>();
  /** Imports already reported as closing a cycle: one report per import, not one per file it names. */
  private final Set<Item.Import> cyclic = Collections.newSetFromMap(new IdentityHashMap<>());

  /** A file being visited; {@code next} yields its imports' target files, each with its import. */
  private record Frame(Path identity, Iterator<Step> next) {}

  private record Step(Item.Import imported, Path file) {}

  public Loader(Workspace workspace, Consumer<Diagnostic> report) {
    this.workspace = workspace;
    this.report = report;
  }

  /** The units of the cluster at {@code root}, root files first, then imports in the order met. */
  public List<SourceUnit> load(Path root) throws IOException {
    Path absolute = root.toAbsolutePath().normalize();
    // A directory an editor has unsaved documents in may not exist on disk yet: it is still a directory.
    List<Path> files = Files.isDirectory(absolute) || workspace.hasOverlaysIn(absolute)
        ? workspace.clusterFiles(absolute) : List.of(absolute);
    for (Path file : files) {
      visit(file);
    }
    return new ArrayList<>(loaded.values());
  }

  private void visit(Path root) throws IOException {
    if (loaded.containsKey(identity(root))) {
      return;
    }
    enter(root);
    while (!frames.isEmpty()) {
      Frame top = frames.get(frames.size() - 1);
      if (!top.next().hasNext()) {
        frames.remove(frames.size() - 1);
        depthOf.remove(top.identity());
        continue;
      }
      Step step = top.next().next();
      Path identity = identity(step.file());
      Integer depth = depthOf.get(identity);
      if (depth != null) {
        if (cyclic.add(step.imported())) {
          report.accept(Diagnostic.error(Code.IMPORT_CYCLE, step.imported().path().span(), "import cycle: " + cycle(depth))
              .withHint("files of one cluster share a scope already; remove one of these imports"));
        }
      } else if (!loaded.containsKey(identity)) {
        enter(step.file());
      }
    }
  }

  /** Reads a file, resolves its imports (reporting those that name nothing) and starts visiting it. */
  private void enter(Path file) throws IOException {
    Path identity = identity(file);
    SourceUnit unit = workspace.unit(file);
    loaded.put(identity, unit);
    reachedAs.put(identity, file);
    List<Step> steps = new ArrayList<>();
    for (Item item : unit.items()) {
      if (item instanceof Item.Import imported && imported.path() != null) {
        for (Path target : resolve(file, imported)) {
          steps.add(new Step(imported, target));
        }
      }
    }
    depthOf.put(identity, frames.size());
    frames.add(new Frame(identity, steps.iterator()));
  }

  /** The files an import names; none, with a diagnostic, when it names nothing readable. */
  private List<Path> resolve(Path from, Item.Import imported) throws IOException {
    String path = imported.path().raw();
    if (path.startsWith("std/") || path.equals("std")) {
      if (!path.equals("std") && Stdlib.unit(path).isEmpty()) {
        List<String> known = Stdlib.units().keySet().stream().toList();
        report.accept(Diagnostic.error(Code.IMPORT_NOT_FOUND, imported.path().span(), "the standard library has no `" + path + "`")
            .withSuggestion(path, known, null));
      }
      return List.of();
    }
    Path base = from.getParent();
    Path target = base.resolve(path).normalize();
    if (Files.isDirectory(target)) {
      return listed(target);
    } else if (workspace.exists(target) && !workspace.isReadable(target)) {
      report.accept(Diagnostic.error(Code.IMPORT_NOT_FOUND, imported.path().span(),
              "cannot import `" + path + "`: it is not a regular file (a pipe, device or socket)")
          .withHint("an import names a .cluster file or a directory of them"));
      return List.of();
    } else if (workspace.exists(target)) {
      return List.of(target);
    } else if (workspace.exists(Path.of(target + ".cluster"))) {
      return List.of(Path.of(target + ".cluster"));
    }
    String hint = siblingHint(base, path);
    report.accept(Diagnostic.error(Code.IMPORT_NOT_FOUND, imported.path().span(), "nothing to import at `" + path + "`")
        .withHint(hint != null ? hint : "an import names a .cluster file or a directory, relative to " + workspace.display(base)));
    return List.of();
  }

  private List<Path> listed(Path dir) throws IOException {
    List<Path> files = listings.get(dir);
    if (files == null) {
      files = workspace.clusterFiles(dir);
      listings.put(dir, files);
    }
    return files;
  }

  /**
   * The files from the one at {@code depth} of the walk to the innermost and back to the first:
   * "a → b → a". A long cycle names its first and last {@link #CYCLE_ENDS} files around a count.
   */
  private String cycle(int depth) {
    List<String> names = new ArrayList<>();
    int length = frames.size() - depth;
    for (int i = depth; i < frames.size(); i++) {
      int at = i - depth;
      if (length > 2 * CYCLE_ENDS + 1 && at == CYCLE_ENDS) {
        names.add("… " + (length - 2 * CYCLE_ENDS) + " more files …");
        i = frames.size() - CYCLE_ENDS - 1;
        continue;
      }
      names.add(workspace.display(reachedAs.get(frames.get(i).identity())));
    }
    names.add(workspace.display(reachedAs.get(frames.get(depth).identity())));
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

  private String siblingHint(Path base, String path) throws IOException {
    if (!Files.isDirectory(base)) {
      return null;
    }
    List<String> names = siblings.get(base);
    if (names == null) {
      try (var stream = Files.list(base)) {
        names = stream.map(p -> p.getFileName().toString()).toList();
      }
      siblings.put(base, names);
    }
    return Suggestions.didYouMean(path, names);
  }
}
