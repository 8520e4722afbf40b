package dev.clusterc.compiler.api;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.load.SourceReader;
import dev.clusterc.compiler.load.Stdlib;
import dev.clusterc.compiler.load.Workspace;
import dev.clusterc.compiler.source.WorkingDirectory;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one door into the compiler: opens the cluster at a root (a directory of {@code .cluster}
 * files or one file, with the standard library), takes the unsaved text of documents open in an
 * editor, and analyses or compiles it. Nothing here throws on bad input: a broken file, an
 * unreadable one, an error found by a check or a compile refusal all come back as diagnostics.
 *
 * <p>One compiler keeps a parse cache, so analysing again after an edit re-parses only the files
 * whose text changed; it is meant to live as long as the editor session or the command.
 */
public final class ClusterCompiler {
  private final Path root;
  private final Workspace workspace;

  private ClusterCompiler(Path root, Path workingDirectory) {
    this.root = root.toAbsolutePath().normalize();
    this.workspace = new Workspace(workingDirectory);
  }

  /** Opens the cluster at {@code root}; paths print relative to the process's working directory. */
  public static ClusterCompiler open(Path root) {
    return open(root, Path.of(""));
  }

  /**
   * Opens the cluster at {@code root}.
   *
   * @param workingDirectory the directory paths in diagnostics are relative to; the files that
   *     declarations name ({@code sops}, {@code sealed}, {@code manifests}) are found through it
   */
  public static ClusterCompiler open(Path root, Path workingDirectory) {
    return new ClusterCompiler(root, workingDirectory);
  }

  /** The cluster's root, absolute. */
  public Path root() {
    return root;
  }

  /** The directory paths are shown relative to. */
  public WorkingDirectory workingDirectory() {
    return new WorkingDirectory(workspace.workingDirectory());
  }

  /**
   * Uses {@code text} for the document at {@code path} instead of the file on disk (which need not
   * exist): the next analysis reads this text. {@code null} goes back to the disk. A relative
   * {@code path}, like a relative root, is taken from the process's working directory.
   */
  public ClusterCompiler overlay(Path path, String text) {
    workspace.overlay(path, text);
    return this;
  }

  /** Parses, resolves and checks the cluster as it is now (overlays over the disk). */
  public Analysis analyse() {
    try {
      return new Analysis(Frontend.check(root, workspace), workspace.workingDirectory());
    } catch (IOException e) {
      List<Diagnostic> diagnostics = new ArrayList<>(List.of(ioProblem(e)));
      return new Analysis(Frontend.analyze(List.of(), diagnostics, workspace.workingDirectory()), workspace.workingDirectory());
    }
  }

  /** Analyses, then, without errors, compiles: the units, or the diagnostics that stop them. */
  public CompileResult compile() {
    return analyse().compile();
  }

  /** {@link #compile()} for {@code delivery} ({@link Analysis#compile(Delivery)}). */
  public CompileResult compile(Delivery delivery) {
    return analyse().compile(delivery);
  }

  /** How many files this compiler has parsed so far: a re-analysis of unchanged files parses none. */
  public int parseCount() {
    return workspace.parseCount();
  }

  /**
   * The {@code .cluster} files directly in {@code dir}, sorted: what makes a directory a cluster.
   * A directory without any is not one.
   */
  public static List<Path> clusterFiles(Path dir) throws IOException {
    return new Workspace(dir).clusterFiles(dir);
  }

  /** The standard library's files by their import name ({@code std/…}), each with its text. */
  public static Map<String, String> standardLibrary() {
    Map<String, String> texts = new LinkedHashMap<>();
    Stdlib.units().forEach((name, unit) -> texts.put(name, unit.file().text()));
    return texts;
  }

  /** A directory the loader could not list, as an error at its start. */
  private Diagnostic ioProblem(IOException e) {
    String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : root.toString();
    return SourceReader.failed(workspace.display(Path.of(file)), e).problem().orElseThrow();
  }
}
