package dev.clusterc.lsp;

import dev.clusterc.compiler.source.SourceFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * What the navigation tests share: clusters written to a temporary directory (the homelab example
 * copied, or small files), locations shown as {@code path:line:col-line:col text} (1-based, paths
 * relative to the cluster, the standard library's as {@code std/…}), and editors' text edits applied.
 */
final class NavigationFixtures {
  static final Path HOMELAB = Path.of("../examples/homelab");

  private NavigationFixtures() {}

  /** Copies examples/homelab (its sources and secrets) under {@code dir}; returns its cluster.cluster. */
  static Path copyHomelab(Path dir) throws IOException {
    Path target = dir.resolve("homelab");
    try (var files = Files.walk(HOMELAB)) {
      for (Path source : files.filter(Files::isRegularFile).toList()) {
        Path relative = HOMELAB.relativize(source);
        if (relative.startsWith("expected")) {
          continue;
        }
        Files.createDirectories(target.resolve(relative).getParent());
        Files.copy(source, target.resolve(relative));
      }
    }
    return target.resolve("cluster.cluster");
  }

  static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /** A location as {@code path:line:col-line:col text}, read from the file the URI names. */
  static String show(Path root, Location location) {
    Path file = Path.of(URI.create(location.getUri()));
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError("a location names a file that cannot be read: " + file, e);
    }
    return name(root, file) + ":" + show(location.getRange()) + " " + textAt(text, location.getRange());
  }

  static String show(Range range) {
    return (range.getStart().getLine() + 1) + ":" + (range.getStart().getCharacter() + 1) + "-"
        + (range.getEnd().getLine() + 1) + ":" + (range.getEnd().getCharacter() + 1);
  }

  /** The path shown for a file: relative to the cluster, or {@code std/NAME.cluster} for the library's copy. */
  static String name(Path root, Path file) {
    Path normal = file.toAbsolutePath().normalize();
    Path base = root.toAbsolutePath().normalize();
    if (normal.startsWith(base)) {
      return base.relativize(normal).toString().replace('\\', '/');
    }
    int std = normal.toString().replace('\\', '/').lastIndexOf("/std/");
    return std >= 0 ? normal.toString().replace('\\', '/').substring(std + 1) : normal.toString();
  }

  static String textAt(String text, Range range) {
    SourceFile file = new SourceFile("x", text);
    return text.substring(offset(file, range.getStart()), offset(file, range.getEnd()));
  }

  static int offset(SourceFile file, Position position) {
    return file.offset(position.getLine() + 1, position.getCharacter() + 1);
  }

  /** The text after an editor applied {@code edits} (which do not overlap) to it. */
  static String apply(String text, List<TextEdit> edits) {
    SourceFile file = new SourceFile("x", text);
    StringBuilder out = new StringBuilder(text);
    edits.stream().sorted(Comparator.comparingInt((TextEdit e) -> offset(file, e.getRange().getStart())).reversed())
        .forEach(e -> out.replace(offset(file, e.getRange().getStart()), offset(file, e.getRange().getEnd()), e.getNewText()));
    return out.toString();
  }
}
