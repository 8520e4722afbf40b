package dev.clusterc.cli.watch;

import dev.clusterc.runtime.watch.Desired;
import java.util.List;

/**
 * Where {@link WatchLoop} hands each revision it read: compiled, or rejected with its diagnostics. In
 * {@code apply --watch} it is a {@link ReconcilerSlot} (the runtime's {@code Reconciler} has these two
 * methods); in tests, a recorder.
 */
public interface RevisionSink {
  /** A revision that checked and compiled: the state the cluster should follow. */
  void submit(Desired desired);

  /** A revision that does not check: never applied; {@code diagnostics} as {@code file:line:col: message}. */
  void reject(String revision, String origin, List<String> diagnostics);
}
