package dev.clusterc.cli.watch;

import dev.clusterc.cli.run.DirectCompile;
import dev.clusterc.cli.run.UnitGraphs;
import dev.clusterc.compiler.api.Analysis;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.Position;
import dev.clusterc.compiler.source.WorkingDirectory;
import dev.clusterc.runtime.watch.Desired;
import dev.clusterc.runtime.watch.WatchEvent;
import dev.clusterc.runtime.watch.WatchListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The loop of {@code apply --watch}: source → check → compile → reconciler. Each new snapshot of the
 * source is analysed and compiled for a direct apply exactly as {@code clusterc apply} does
 * ({@link DirectCompile}); a revision that compiles goes to the sink as a {@link Desired}, one that
 * does not is rejected with its errors as {@code file:line:col: message} (paths relative to the
 * cluster's directory) and reported as {@link WatchEvent.SourceRejected}; the last good state stays.
 * A source that cannot be read is reported ({@link WatchEvent.SourceUnavailable}) and tried again.
 * A result is only handed on if the snapshot's files were still those of its revision after the
 * compile ({@link Source#unchanged}): a directory written to meanwhile (a {@code git checkout} in
 * progress, say) may have been read half-written, so the result is dropped and the next snapshot,
 * which the change brings, is compiled instead. Runs on its own thread until {@link #stop()}; after
 * a stop nothing more is handed to the sink.
 */
public final class WatchLoop implements Runnable {
  /** How long one wait for the source lasts before the loop looks again; a stop wakes it sooner. */
  static final Duration WAIT = Duration.ofSeconds(30);
  /** The longest pause after the source failed, whatever it asks for, so a stop or a poll is not held long. */
  static final Duration MAX_PAUSE = Duration.ofMinutes(1);

  private final Source source;
  private final RevisionSink sink;
  private final WatchListener events;
  private final boolean direct;
  private final Clock clock;

  private final Object lock = new Object();
  private boolean stopping;
  private Thread waiter;
  private boolean pausing;
  private volatile Outcome last;
  private volatile String sourceError;

  /**
   * What the loop did with the last revision it read.
   *
   * @param accepted handed to the reconciler; otherwise rejected with {@code diagnostics}
   */
  public record Outcome(String revision, String origin, boolean accepted, List<String> diagnostics, Instant at) {}

  /** @param direct apply a cluster that names a GitOps engine directly ({@code --direct}) */
  public WatchLoop(Source source, RevisionSink sink, WatchListener events, boolean direct, Clock clock) {
    this.source = source;
    this.sink = sink;
    this.events = events;
    this.direct = direct;
    this.clock = clock;
  }

  @Override
  public void run() {
    while (true) {
      Optional<Snapshot> snapshot = awaitSource();
      if (snapshot == null) {
        return;
      }
      if (snapshot.isPresent()) {
        handle(snapshot.get());
      }
    }
  }

  /**
   * The next snapshot (empty when nothing changed or the source failed), or {@code null} once stopping.
   * Only this wait is interrupted by {@link #stop()}: a compile in progress finishes, so a stop never
   * turns a good revision into a rejected one.
   */
  private Optional<Snapshot> awaitSource() {
    synchronized (lock) {
      if (stopping) {
        return null;
      }
      waiter = Thread.currentThread();
    }
    Optional<Snapshot> next = Optional.empty();
    try {
      next = source.next(WAIT);
      sourceError = null;
    } catch (SourceUnavailable e) {
      sourceError = e.getMessage();
      Duration pause = e.retryIn() == null || e.retryIn().isNegative() ? Duration.ofSeconds(1) : e.retryIn();
      events.on(new WatchEvent.SourceUnavailable(source.origin(), e.getMessage(), pause));
      boolean pauses;
      synchronized (lock) {
        pausing = !stopping;
        pauses = pausing;
      }
      if (pauses) {
        pause(pause);
      }
      synchronized (lock) {
        pausing = false;
      }
    } catch (InterruptedException e) {
      // stop() woke the wait: looked at below
    }
    synchronized (lock) {
      waiter = null;
      Thread.interrupted();
      return stopping ? null : next;
    }
  }

  private static void pause(Duration pause) {
    try {
      Thread.sleep(Math.min(pause.toMillis(), MAX_PAUSE.toMillis()));
    } catch (InterruptedException e) {
      // stop() or poll() woke the pause
    }
  }

  /**
   * Asks the source for a look at once ({@code POST /poll}); a pause after a failed read ends now, so
   * a poll right after the remote came back is not held until the pause is over. Any thread.
   */
  public void poll() {
    source.pollNow();
    synchronized (lock) {
      if (pausing && waiter != null) {
        waiter.interrupt();
      }
    }
  }

  /**
   * Ends the loop: a wait for the source ends at once; a revision being compiled is finished but no
   * longer handed to the sink. Any thread.
   */
  public void stop() {
    synchronized (lock) {
      stopping = true;
      if (waiter != null) {
        waiter.interrupt();
      }
    }
  }

  /**
   * Checks and compiles one snapshot and hands it to the sink; what became of it, or empty when it was
   * dropped: the loop was stopped meanwhile, or the snapshot's files changed while they were compiled.
   */
  Optional<Outcome> handle(Snapshot snapshot) {
    Desired desired = null;
    List<String> problems;
    try {
      Compiled compiled = compile(snapshot);
      desired = compiled.desired();
      problems = compiled.problems();
    } catch (RuntimeException e) {
      problems = List.of("clusterc: internal error while compiling: " + e.getMessage());
    }
    if (!source.unchanged(snapshot) || stopping()) {
      return Optional.empty();
    }
    Outcome outcome = new Outcome(snapshot.revision(), snapshot.origin(), desired != null, problems, clock.instant());
    last = outcome;
    if (desired != null) {
      sink.submit(desired);
    } else {
      events.on(new WatchEvent.SourceRejected(snapshot.revision(), problems));
      sink.reject(snapshot.revision(), snapshot.origin(), problems);
    }
    return Optional.of(outcome);
  }

  private boolean stopping() {
    synchronized (lock) {
      return stopping;
    }
  }

  /** A compiled snapshot: what to apply, or the reasons it cannot be applied. */
  private record Compiled(Desired desired, List<String> problems) {}

  /** Checks and compiles {@code snapshot}. */
  private Compiled compile(Snapshot snapshot) {
    ClusterCompiler compiler = ClusterCompiler.open(snapshot.root(), snapshot.root());
    Analysis analysis = compiler.analyse();
    if (analysis.hasErrors()) {
      return new Compiled(null, errors(analysis.diagnostics()));
    }
    DirectCompile.Result result = DirectCompile.of(analysis, direct, snapshot.origin(),
        new WorkingDirectory(snapshot.root()));
    if (result.cluster() != null) {
      return new Compiled(new Desired(UnitGraphs.of(result.cluster()), snapshot.revision(), snapshot.origin()), List.of());
    }
    List<String> problems = new ArrayList<>(errors(result.diagnostics()));
    if (result.refusal() != null) {
      result.refusal().lines().map(line -> line.startsWith("clusterc: ") ? line.substring("clusterc: ".length()) : line)
          .forEach(problems::add);
    }
    if (problems.isEmpty()) {
      problems.add(snapshot.origin() + ": no `cluster` declared in its .cluster files");
    }
    return new Compiled(null, problems);
  }

  /** The errors among {@code diagnostics}, each as {@code file:line:col: message}. */
  static List<String> errors(List<Diagnostic> diagnostics) {
    return diagnostics.stream().filter(Diagnostic::isError).map(WatchLoop::line).toList();
  }

  static String line(Diagnostic d) {
    Position p = d.span().begin();
    return d.span().file().path() + ":" + p.line() + ":" + p.column() + ": " + d.message();
  }

  /** What became of the last revision read; empty until the first one was handled. */
  public Optional<Outcome> last() {
    return Optional.ofNullable(last);
  }

  /** Why the source could not be read the last time, or empty when it could. */
  public Optional<String> sourceError() {
    return Optional.ofNullable(sourceError);
  }
}
