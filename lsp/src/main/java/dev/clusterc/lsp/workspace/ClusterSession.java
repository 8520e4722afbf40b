package dev.clusterc.lsp.workspace;

import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One cluster directory: the compiler that analyses it (which keeps its parse cache, so an edit
 * re-parses only the edited document) and its latest snapshot. Analysing is serialised here; a
 * snapshot is made at most once per edit, by whichever comes first, a request that needs it or the
 * refresh after the edit.
 *
 * <p>An analysis that crashes does not end the session: the crash becomes a diagnostic at the start
 * of the document edited last, and the log gets the stack trace.
 */
final class ClusterSession {
  private final Path root;
  private final ClusterCompiler compiler;
  private final Function<ClusterCompiler, Analysis> analyser;
  private final StdlibFiles stdlib;
  private final Function<Path, String> uris;
  private final ServerLog log;
  /** Set while a refresh is queued, so that a burst of keystrokes queues one. */
  final AtomicBoolean refreshQueued = new AtomicBoolean();
  /** What was last published per URI, so that only changes are sent and fixed files are cleared. */
  final Map<String, List<org.eclipse.lsp4j.Diagnostic>> published = new HashMap<>();
  long publishedGeneration = -1;

  private final Map<Path, String> overlays = new HashMap<>();
  private long generation;
  private Path lastEdited;
  private volatile Snapshot latest;

  ClusterSession(Path root, Function<ClusterCompiler, Analysis> analyser, StdlibFiles stdlib, Function<Path, String> uris,
      ServerLog log) {
    this.root = root;
    this.compiler = ClusterCompiler.open(root, root);
    this.analyser = analyser;
    this.stdlib = stdlib;
    this.uris = uris;
    this.log = log;
  }

  Path root() {
    return root;
  }

  /** Uses the editor's text for a document ({@code null}: the file on disk again); the same text again changes nothing. */
  synchronized void overlay(Path file, String text) {
    if (text == null ? !overlays.containsKey(file) : text.equals(overlays.get(file))) {
      return;
    }
    if (text == null) {
      overlays.remove(file);
    } else {
      overlays.put(file, text);
    }
    compiler.overlay(file, text);
    generation++;
    lastEdited = file;
  }

  /** Something on disk changed: the next snapshot reads the directory again. */
  synchronized void touched(Path file) {
    generation++;
    lastEdited = file;
  }

  /** The last snapshot made, whether or not edits came after it (never waits for an analysis); empty before the first. */
  java.util.Optional<Snapshot> latest() {
    return java.util.Optional.ofNullable(latest);
  }

  /** The snapshot of the cluster as it is now, analysing first when it changed since the last one. */
  synchronized Snapshot current() {
    if (latest == null || latest.generation() != generation) {
      latest = analyse();
    }
    return latest;
  }

  private Snapshot analyse() {
    try {
      return new Snapshot(root, generation, analyser.apply(compiler), List.of(), stdlib, uris);
    } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
      Path where = lastEdited == null ? root : lastEdited;
      log.crash("analysing " + where + " failed", e);
      String shown = root.relativize(where).toString();
      SourceSpan start = SourceSpan.at(new SourceFile(shown.isEmpty() ? where.toString() : shown, ""), 0);
      Diagnostic crash = Diagnostic.error(Code.SYNTAX, start,
              "clusterc could not analyse this document: an internal error (" + e.getClass().getSimpleName() + ")")
          .withHint("this is a bug in clusterc; the server goes on and analyses again on the next edit (details in its log)");
      return new Snapshot(root, generation, null, List.of(crash), stdlib, uris);
    }
  }
}
