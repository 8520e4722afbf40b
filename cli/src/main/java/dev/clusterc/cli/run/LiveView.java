package dev.clusterc.cli.run;

import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.model.UnitGraph;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The progress of a run on a terminal: a frame ({@link LiveFrame}) redrawn in place with ANSI
 * escapes (cursor up, erase below) at most {@link #REDRAWS_PER_SECOND} times a second, from a
 * thread of its own, so events never wait for the terminal. Failures stay on screen, and the
 * closing line is printed below the last frame when the run ends.
 */
public final class LiveView implements RunListener, AutoCloseable {
  static final int REDRAWS_PER_SECOND = 4;

  private final String title;
  private final RunBoard board;
  private final PrintWriter out;
  private final int width;
  private final ScheduledExecutorService ticker;
  private int drawn;
  private RunEvent.Finished finished;

  /** A view of {@code graph}'s run on {@code out}, {@code width} columns wide; call {@link #start()} to draw. */
  public LiveView(String title, UnitGraph graph, PrintWriter out, int width) {
    this(title, graph, out, width, System::nanoTime, true);
  }

  LiveView(String title, UnitGraph graph, PrintWriter out, int width, LongSupplier nanos, boolean tick) {
    this.title = title;
    this.board = new RunBoard(graph, nanos);
    this.out = out;
    this.width = width;
    this.ticker = tick ? Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "clusterc-progress");
      thread.setDaemon(true);
      return thread;
    }) : null;
  }

  /** Starts redrawing. */
  public LiveView start() {
    if (ticker != null) {
      ticker.scheduleAtFixedRate(this::redraw, 0, 1000 / REDRAWS_PER_SECOND, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  @Override
  public void on(RunEvent event) {
    board.on(event);
    if (event instanceof RunEvent.Finished f) {
      synchronized (this) {
        finished = f;
      }
    }
  }

  /** Draws the current frame over the last one. */
  synchronized void redraw() {
    List<String> lines = LiveFrame.lines(title, board.snapshot(), width);
    StringBuilder text = new StringBuilder();
    if (drawn > 0) {
      text.append("\033[").append(drawn).append("A\r");
    }
    text.append("\033[J");
    lines.forEach(l -> text.append(l).append('\n'));
    out.print(text);
    out.flush();
    drawn = lines.size();
  }

  /** Stops redrawing, draws the last frame and the closing line. */
  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      try {
        ticker.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    redraw();
    synchronized (this) {
      if (finished != null) {
        out.println(PlainLog.summary(finished));
        out.flush();
      }
    }
  }
}
