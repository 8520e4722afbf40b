package dev.clusterc.lsp.workspace;

import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One cluster directory: the compiler that analyses it (which keeps its parse cache, so an edit
 * re-parses only the edited document) and its latest snapshot.
 *
 * <p>Two locks, so that the editor's keystrokes never wait for an analysis: recording an edit takes
 * only this object's monitor for a moment (the text is kept as pending), while analysing holds a
 * lock of its own, hands the pending texts to the compiler and analyses without the monitor. A
 * snapshot is made at most once per edit, by whichever comes first, a request that needs it or the
 * refresh after the edit.
 *
 * <p>An analysis that crashes does not end the session: the crash becomes a diagnostic at the start
 * of every open document of the cluster (and of the one edited last), the log gets the stack trace,
 * and the next edit is analysed again.
 */
final class ClusterSession {
  private final Path root;
  private final ClusterCompiler compiler;
  private final Function<ClusterCompiler, Analysis> analyser;
  private final StdlibFiles stdlib;
  private final Function<Path, String> uris;
  private final ServerLog log;
  private final Object analysing = new Object();
  /** Set while a refresh is queued, so that a burst of keystrokes queues one. */
  final AtomicBoolean refreshQueued = new AtomicBoolean();

  // Guarded by this object's monitor.
  private final Map<Path, String> overlays = new LinkedHashMap<>();
  private final Map<Path, String> pending = new HashMap<>();
  private final Set<Path> refused = new HashSet<>();
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

  /**
   * Uses the editor's text for a document ({@code null}: the file on disk again); the same text
   * again changes nothing. {@code refusedText} marks an open document whose text is not analysed
   * (too large, binary): answers about it must not come from the file on disk. Whether anything changed.
   */
  synchronized boolean overlay(Path file, String text, boolean refusedText) {
    boolean refusalChanged = refusedText ? refused.add(file) : refused.remove(file);
    if (!refusalChanged && (text == null ? !overlays.containsKey(file) : text.equals(overlays.get(file)))) {
      return false;
    }
    if (text == null) {
      overlays.remove(file);
    } else {
      overlays.put(file, text);
    }
    pending.put(file, text);
    generation++;
    lastEdited = file;
    return true;
  }

  /** Something on disk changed: the next snapshot reads the directory again. */
  synchronized void touched(Path file) {
    generation++;
    lastEdited = file;
  }

  /** Whether the editor has any document of this cluster open (its text overlaid or refused). */
  synchronized boolean hasOpenDocuments() {
    return !overlays.isEmpty() || !refused.isEmpty();
  }

  /** The last snapshot made, whether or not edits came after it (never waits for an analysis); empty before the first. */
  Optional<Snapshot> latest() {
    return Optional.ofNullable(latest);
  }

  /** The snapshot of the cluster as it is now, analysing first when it changed since the last one. */
  Snapshot current() {
    synchronized (analysing) {
      long at;
      Map<Path, String> texts;
      Set<Path> refusedNow;
      List<Map.Entry<Path, String>> handOver = new ArrayList<>();
      Path edited;
      synchronized (this) {
        Snapshot last = latest;
        if (last != null && last.generation() == generation) {
          return last;
        }
        at = generation;
        texts = Map.copyOf(overlays);
        refusedNow = Set.copyOf(refused);
        pending.forEach((file, text) -> handOver.add(new java.util.AbstractMap.SimpleEntry<>(file, text)));
        pending.clear();
        edited = lastEdited;
      }
      handOver.forEach(e -> compiler.overlay(e.getKey(), e.getValue()));
      Snapshot made = analyse(at, texts, refusedNow, edited);
      latest = made;
      return made;
    }
  }

  private Snapshot analyse(long at, Map<Path, String> texts, Set<Path> refusedNow, Path edited) {
    Snapshot.EditorTexts open = new Snapshot.EditorTexts(texts, refusedNow);
    try {
      return new Snapshot(root, at, analyser.apply(compiler), List.of(), open, stdlib, uris);
    } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
      log.crash("analysing the cluster in " + root + " failed (last edited: " + edited + ")", e);
      Set<Path> told = new HashSet<>(texts.keySet());
      if (edited != null) {
        told.add(edited);
      }
      List<Diagnostic> crashes = new ArrayList<>();
      for (Path file : told) {
        String shown = root.relativize(file).toString().replace('\\', '/');
        SourceSpan start = SourceSpan.at(new SourceFile(shown, texts.getOrDefault(file, "")), 0);
        crashes.add(Diagnostic.error(Code.SYNTAX, start,
                "clusterc could not analyse this cluster: an internal error (" + e.getClass().getSimpleName() + ")")
            .withHint("this is a bug in clusterc; the server goes on and analyses again on the next edit (details in its log)"));
      }
      return new Snapshot(root, at, null, crashes, open, stdlib, uris);
    }
  }
}
