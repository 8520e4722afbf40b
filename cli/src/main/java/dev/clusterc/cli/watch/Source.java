package dev.clusterc.cli.watch;

import java.time.Duration;
import java.util.Optional;

/** Where {@code apply --watch} reads the cluster from: a directory, or a branch of a Git repository. */
public interface Source extends AutoCloseable {

  /**
   * Waits at most {@code timeout} for the source to change (a file written, a commit fetched, debounced),
   * and returns the new snapshot, or empty when nothing changed. The first call returns the current state.
   *
   * @throws SourceUnavailable when the source cannot be read now; the last snapshot stays valid
   */
  Optional<Snapshot> next(Duration timeout) throws InterruptedException, SourceUnavailable;

  /**
   * Whether {@code snapshot}'s files are still those of its revision, asked after they were compiled.
   * A source whose snapshots never change on disk (each Git commit has a checkout of its own) says yes;
   * one that hands out its live directory reads it again.
   */
  default boolean unchanged(Snapshot snapshot) {
    return true;
  }

  /** Asks for a look at once (a Git fetch now); wakes a waiting {@link #next}. Any thread. */
  void pollNow();

  /** Where this source reads from, for people. */
  String origin();

  @Override
  void close();
}
