package dev.clusterc.compiler.api;

import dev.clusterc.compiler.load.Stdlib;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The documents an {@code import} names, among those the analysis loaded: the loader has resolved
 * the import on disk already (each file of a directory, else the file, else {@code PATH.cluster}), so its
 * targets are found again by path here. Paths are compared absolute (an import may be absolute, a
 * document's path relative to the working directory); where none matches, by their real paths, for
 * a directory the loader first reached by another path (a symbolic link and its target: the loader
 * reads each file once and names it as first reached). The importing file itself is never a target
 * ({@code import "."}). An import that named nothing has no targets; {@code std/…} names the
 * standard library's documents.
 */
final class ImportTargets {
  private ImportTargets() {}

  /**
   * @param from the path of the document that holds the import, as the analysis names it
   * @param documents the paths of the documents the analysis knows
   * @param workingDirectory absolute: the directory relative document paths are relative to
   */
  static List<String> of(Item.Import imported, String from, Collection<String> documents, Path workingDirectory) {
    if (imported.path() == null) {
      return List.of();
    }
    String raw = imported.path().raw();
    if (raw.equals("std") || raw.startsWith("std/")) {
      return library(raw);
    }
    try {
      Path importing = workingDirectory.resolve(from).normalize();
      Path target = importing.getParent().resolve(raw).normalize();
      List<String> found = matching(target, importing, documents, p -> workingDirectory.resolve(p).normalize());
      if (found.isEmpty()) {
        Path real = realPath(target);
        found = matching(real, realPath(importing), documents, p -> realPath(workingDirectory.resolve(p).normalize()));
      }
      return found;
    } catch (InvalidPathException e) {
      return List.of();
    }
  }

  /** The documents in directory {@code target} (the importing file aside), else the file {@code target} or {@code target.cluster}. */
  private static List<String> matching(Path target, Path importing, Collection<String> documents, Function<String, Path> located) {
    List<String> inDirectory = new ArrayList<>();
    String file = null;
    String withExtension = null;
    for (String document : documents) {
      if (document.startsWith("std/")) {
        continue;
      }
      Path path = located.apply(document);
      if (path.equals(importing)) {
        continue;
      }
      if (target.equals(path.getParent())) {
        inDirectory.add(document);
      } else if (path.equals(target)) {
        file = document;
      } else if (path.toString().equals(target + ".cluster")) {
        withExtension = document;
      }
    }
    if (!inDirectory.isEmpty()) {
      return inDirectory.stream().sorted().toList();
    }
    return file != null ? List.of(file) : withExtension != null ? List.of(withExtension) : List.of();
  }

  /** The path with symbolic links resolved, or as it is when that fails (an overlay not on disk). */
  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException | SecurityException e) {
      return path;
    }
  }

  private static List<String> library(String raw) {
    if (raw.equals("std")) {
      return Stdlib.units().values().stream().map(u -> u.file().path()).toList();
    }
    return Stdlib.unit(raw).map(SourceUnit::file).map(f -> List.of(f.path())).orElse(List.of());
  }
}
