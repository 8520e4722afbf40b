package dev.clusterc.lsp.workspace;

import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.Navigator;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.lsp4j.Location;

/**
 * One analysis of one cluster as the features see it: immutable, so a request answers from the
 * state it started with however the editor goes on typing. It names documents both ways: by the
 * editor's URI and by the compiler's path (relative to the cluster's directory, {@code std/…} for
 * the standard library).
 *
 * <p>A directory whose files declare no {@code cluster} (a library of templates, a file opened on
 * its own) is still analysed, so that navigation and completion work in it, but only the
 * diagnostics a single document can be judged by are published: syntax and the shape of entries,
 * not references to declarations that live in a cluster it does not know.
 */
public final class Snapshot {
  /** What a document outside any cluster is still told: problems visible in the document alone. */
  static final Set<Code> DOCUMENT_CODES = Set.of(Code.SYNTAX, Code.UNKNOWN_KIND, Code.UNKNOWN_PROPERTY,
      Code.DUPLICATE_PROPERTY, Code.TYPE_MISMATCH, Code.INVALID_VALUE, Code.CIDR_NOT_CANONICAL);

  /**
   * What the editor had open when the snapshot was made: the texts analysed instead of the files,
   * and the documents refused (too large, binary), about which nothing is answered from the disk.
   */
  record EditorTexts(Map<Path, String> texts, Set<Path> refused) {
    EditorTexts {
      texts = Map.copyOf(texts);
      refused = Set.copyOf(refused);
    }
  }

  private final Path workingDirectory;
  private final long generation;
  private final Analysis analysis;
  private final List<Diagnostic> failures;
  private final EditorTexts editor;
  private final StdlibFiles stdlib;
  private final Function<Path, String> uris;
  /** The cluster's documents by compiler path; the standard library's are asked of {@link StdlibFiles}. */
  private final Map<String, SourceFile> documents = new LinkedHashMap<>();

  Snapshot(Path workingDirectory, long generation, Analysis analysis, List<Diagnostic> failures, EditorTexts editor,
      StdlibFiles stdlib, Function<Path, String> uris) {
    this.workingDirectory = workingDirectory;
    this.generation = generation;
    this.analysis = analysis;
    this.failures = List.copyOf(failures);
    this.editor = editor;
    this.stdlib = stdlib;
    this.uris = uris;
    if (analysis != null) {
      analysis.documents().forEach(f -> documents.putIfAbsent(f.path(), f));
    } else {
      // Analysing crashed: the open documents' texts still answer what needs no analysis (formatting, highlighting).
      editor.texts().forEach((file, text) -> {
        String path = relative(file);
        documents.putIfAbsent(path, new SourceFile(path, text));
      });
    }
  }

  /** The analysis; empty when analysing crashed (the crash is then among {@link #diagnostics()}). */
  public Optional<Analysis> analysis() {
    return Optional.ofNullable(analysis);
  }

  /** The position queries over the analysis; empty when analysing crashed. */
  public Optional<Navigator> navigator() {
    return analysis().map(Analysis::navigator);
  }

  /** Whether the documents declare a cluster (otherwise only document-local diagnostics are published). */
  public boolean inCluster() {
    return analysis != null && analysis.clusterName().isPresent();
  }

  /** How many edits of the cluster this snapshot includes; a later snapshot has a larger number. */
  public long generation() {
    return generation;
  }

  /** The directory compiler paths are relative to. */
  public Path workingDirectory() {
    return workingDirectory;
  }

  /** The diagnostics to show: the compiler's (only document-local ones outside a cluster), or the crash. */
  public List<Diagnostic> diagnostics() {
    if (analysis == null) {
      return failures;
    }
    return inCluster() ? analysis.diagnostics()
        : analysis.diagnostics().stream().filter(d -> DOCUMENT_CODES.contains(d.code())).toList();
  }

  /** The cluster's documents as analysed, by compiler path (the standard library's are not among them). */
  public List<SourceFile> clusterDocuments() {
    return analysis == null ? List.of() : analysis.documents();
  }

  /**
   * The compiler path of a document named by URI, if this snapshot knows it; empty for an open
   * document whose text was refused, so that no answer about it comes from the file on disk.
   */
  public Optional<String> path(String uri) {
    Path file = Session.fileOf(uri);
    if (file == null || editor.refused().contains(file)) {
      return Optional.empty();
    }
    Optional<String> library = stdlib.path(file);
    if (library.isPresent()) {
      return library;
    }
    String path = relative(file);
    return documentAt(path).isPresent() ? Optional.of(path) : Optional.empty();
  }

  /** Whether analysing crashed (the crash is then among {@link #diagnostics()}). */
  public boolean crashed() {
    return analysis == null;
  }

  /** The files the editor had open in this cluster when the snapshot was made (texts or refused). */
  Set<Path> openFiles() {
    Set<Path> files = new java.util.HashSet<>(editor.texts().keySet());
    files.addAll(editor.refused());
    return files;
  }

  /** The file a compiler path names (the standard library's written copy for {@code std/…}). */
  Path file(String path) {
    if (!documents.containsKey(path) && stdlib.sources().containsKey(path)) {
      return stdlib.file(path).orElse(null);
    }
    return workingDirectory.resolve(path).normalize();
  }

  private String relative(Path file) {
    return workingDirectory.relativize(file).toString().replace('\\', '/');
  }

  /** The text of a document as analysed (a cluster document or the standard library's), by URI. */
  public Optional<SourceFile> document(String uri) {
    return path(uri).flatMap(this::documentAt);
  }

  /** The text of a document as analysed (a cluster document or the standard library's), by compiler path. */
  public Optional<SourceFile> documentAt(String path) {
    SourceFile cluster = documents.get(path);
    return Optional.ofNullable(cluster != null ? cluster : stdlib.sources().get(path));
  }

  /** The URI an editor opens for a compiler path: the cluster's file, or the standard library's copy. */
  public Optional<String> uri(String path) {
    return Optional.ofNullable(file(path)).map(uris);
  }

  /** Where a span is, for the protocol; empty only for a library document that could not be written. */
  public Optional<Location> location(SourceSpan span) {
    return uri(span.file().path()).map(u -> new Location(u, Ranges.range(span)));
  }
}
