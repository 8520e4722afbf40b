package dev.clusterc.compiler.api;

import dev.clusterc.compiler.load.Stdlib;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The documents an {@code import} names, among those the analysis loaded: the loader has resolved
 * the import on disk already (each file of a directory, else the file, else {@code PATH.cluster}), so its
 * targets are found again by path here, without reading the disk a second time. An import that
 * named nothing has no targets; {@code std/…} names the standard library's documents.
 */
final class ImportTargets {
  private ImportTargets() {}

  /**
   * @param from the path of the document that holds the import, as the analysis names it
   * @param documents the paths of the documents the analysis knows
   */
  static List<String> of(Item.Import imported, String from, Collection<String> documents) {
    if (imported.path() == null) {
      return List.of();
    }
    String raw = imported.path().raw();
    if (raw.equals("std") || raw.startsWith("std/")) {
      return library(raw);
    }
    Path target;
    try {
      Path parent = Path.of(from).getParent();
      target = (parent == null ? Path.of("") : parent).resolve(raw).normalize();
    } catch (InvalidPathException e) {
      return List.of();
    }
    List<String> inDirectory = new ArrayList<>();
    String file = null;
    String withExtension = null;
    for (String document : documents) {
      if (document.startsWith("std/")) {
        continue;
      }
      Path path = Path.of(document).normalize();
      if (target.equals(parentOf(path))) {
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

  private static List<String> library(String raw) {
    if (raw.equals("std")) {
      return Stdlib.units().values().stream().map(u -> u.file().path()).toList();
    }
    return Stdlib.unit(raw).map(SourceUnit::file).map(f -> List.of(f.path())).orElse(List.of());
  }

  private static Path parentOf(Path path) {
    Path parent = path.getParent();
    return parent == null ? Path.of("") : parent;
  }
}
