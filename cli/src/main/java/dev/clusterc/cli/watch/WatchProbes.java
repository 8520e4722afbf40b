package dev.clusterc.cli.watch;

import dev.clusterc.runtime.watch.WatchStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Health, readiness and status of a watching apply, read from its parts: alive while the loop's
 * thread runs; ready once the first revision was handled and, where a reconciler runs, it has
 * synced; a standby replica (leader election, not leading) is ready, since it can take over.
 */
public final class WatchProbes implements StatusServer.Probes {
  private final String origin;
  private final WatchLoop loop;
  private final BooleanSupplier loopAlive;
  private final Supplier<Optional<WatchStatus>> reconciler;
  private final boolean leaderElect;

  /**
   * @param reconciler the running reconciler's status; empty when none runs here (standby, or not started yet)
   * @param leaderElect whether only the leader reconciles (then no reconciler here means standby, which is ready)
   */
  public WatchProbes(String origin, WatchLoop loop, BooleanSupplier loopAlive,
      Supplier<Optional<WatchStatus>> reconciler, boolean leaderElect) {
    this.origin = origin;
    this.loop = loop;
    this.loopAlive = loopAlive;
    this.reconciler = reconciler;
    this.leaderElect = leaderElect;
  }

  @Override
  public boolean alive() {
    return loopAlive.getAsBoolean();
  }

  @Override
  public Optional<String> notReady() {
    if (!alive()) {
      return Optional.of("the watch loop has stopped");
    }
    if (loop.last().isEmpty()) {
      return Optional.of("waiting for the first revision of " + origin
          + loop.sourceError().map(e -> " (" + e + ")").orElse(""));
    }
    Optional<WatchStatus> status = reconciler.get();
    if (status.isEmpty()) {
      return leaderElect ? Optional.empty() : Optional.of("the reconciler has not started");
    }
    WatchStatus s = status.get();
    if (s.synced()) {
      return Optional.empty();
    }
    if (s.appliedRevision() == null && s.pendingRevision() == null) {
      return Optional.of("no revision of " + origin + " has checked yet: nothing to apply");
    }
    return Optional.of("not synced yet: " + (s.pendingRevision() != null ? "revision " + s.pendingRevision() + " pending" : "")
        + (s.lastError() != null ? (s.pendingRevision() != null ? "; " : "") + "last error: " + s.lastError() : ""));
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("source", origin);
    doc.put("sourceError", loop.sourceError().orElse(null));
    Optional<WatchLoop.Outcome> last = loop.last();
    doc.put("lastRevision", last.map(WatchLoop.Outcome::revision).orElse(null));
    doc.put("lastRevisionAccepted", last.map(WatchLoop.Outcome::accepted).orElse(null));
    doc.put("lastRevisionAt", last.map(o -> o.at().toString()).orElse(null));
    doc.put("diagnostics", last.map(WatchLoop.Outcome::diagnostics).orElse(java.util.List.of()));
    doc.put("leaderElection", leaderElect);
    Optional<WatchStatus> status = reconciler.get();
    doc.put("reconciling", status.isPresent());
    doc.put("ready", notReady().isEmpty());
    doc.put("reconciler", status.map(WatchProbes::reconciler).orElse(null));
    return doc;
  }

  private static Map<String, Object> reconciler(WatchStatus s) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("appliedRevision", s.appliedRevision());
    doc.put("pendingRevision", s.pendingRevision());
    doc.put("lastError", s.lastError());
    doc.put("rejected", s.rejected());
    doc.put("suspended", s.suspended());
    doc.put("objects", s.objects());
    doc.put("synced", s.synced());
    return doc;
  }
}
