package dev.clusterc.compiler.load;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.WorkingDirectory;
import dev.clusterc.compiler.syntax.Parser;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where sources come from, and the parse cache that lets a re-check re-parse only the files that
 * changed. Editors put unsaved text in {@link #overlay}; everything else is read from disk.
 */
public final class Workspace {
  private final Path workingDirectory;
  private final Map<Path, SourceUnit> parsed = new ConcurrentHashMap<>();
  private final Map<Path, String> overlays = new ConcurrentHashMap<>();
  private int parseCount;

  public Workspace(Path workingDirectory) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /** The directory the sources' paths are relative to; the files declarations name are found through it. */
  public Path workingDirectory() {
    return workingDirectory;
  }

  /** Uses {@code text} for {@code path} instead of the file on disk; {@code null} goes back to disk. */
  public void overlay(Path path, String text) {
    Path key = path.toAbsolutePath().normalize();
    if (text == null) {
      overlays.remove(key);
    } else {
      overlays.put(key, text);
    }
  }

  /** How many files have been parsed so far: a re-check of unchanged files parses none. */
  public int parseCount() {
    return parseCount;
  }

  public boolean exists(Path path) {
    Path key = path.toAbsolutePath().normalize();
    return overlays.containsKey(key) || Files.exists(key);
  }

  /** Whether the editor has unsaved text for {@code path}. */
  public boolean hasOverlay(Path path) {
    return overlays.containsKey(path.toAbsolutePath().normalize());
  }

  /** Whether {@code path} can be read as a source: an overlay, or a regular file (not a FIFO or device). */
  public boolean isReadable(Path path) {
    Path key = path.toAbsolutePath().normalize();
    return overlays.containsKey(key) || Files.isRegularFile(key);
  }

  /**
   * The {@code .cluster} files directly in a directory (and open in the editor), sorted by name.
   * Pipes and devices with such a name are listed too, so that reading them reports a diagnostic.
   */
  /** Whether an unsaved document is overlaid directly in {@code dir} (which need not exist on disk). */
  public boolean hasOverlaysIn(Path dir) {
    Path key = dir.toAbsolutePath().normalize();
    return overlays.keySet().stream().anyMatch(p -> key.equals(p.getParent()));
  }

  public List<Path> clusterFiles(Path dir) throws IOException {
    Path key = dir.toAbsolutePath().normalize();
    TreeSet<Path> files = new TreeSet<>();
    if (Files.isDirectory(key)) {
      try (var stream = Files.list(key)) {
        stream.filter(p -> p.getFileName().toString().endsWith(".cluster") && !Files.isDirectory(p)).forEach(files::add);
      }
    }
    overlays.keySet().stream().filter(p -> key.equals(p.getParent()) && p.toString().endsWith(".cluster")).forEach(files::add);
    return new ArrayList<>(files);
  }

  /** The parsed file; parsed again only when its text changed. A file that cannot be read as text is an empty unit with one diagnostic. */
  public SourceUnit unit(Path path) {
    Path key = path.toAbsolutePath().normalize();
    String overlay = overlays.get(key);
    SourceReader.Read read = overlay != null
        ? new SourceReader.Read(new SourceFile(display(key), overlay), Optional.empty())
        : readFromDisk(key);
    SourceUnit cached = parsed.get(key);
    if (cached != null && read.problem().isEmpty() && cached.file().text().equals(read.file().text())) {
      return cached;
    }
    SourceUnit unit;
    if (read.problem().isPresent()) {
      unit = new SourceUnit(read.file(), List.of(), List.of(), List.<Diagnostic>of(read.problem().get()));
    } else {
      unit = Parser.parse(read.file());
      parseCount++;
    }
    parsed.put(key, unit);
    return unit;
  }

  /** The file's text, or, when the system refuses to read it, a diagnostic instead of an exception. */
  private SourceReader.Read readFromDisk(Path file) {
    try {
      return SourceReader.read(file, display(file));
    } catch (IOException e) {
      return SourceReader.failed(display(file), e);
    }
  }

  /** A path as diagnostics print it: relative to the working directory when under it. */
  public String display(Path path) {
    return new WorkingDirectory(workingDirectory).display(path);
  }
}
