package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.kube.ObjectApplier;
import dev.clusterc.runtime.kube.ObjectChange;
import dev.clusterc.runtime.kube.StagingWait;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Applies a unit graph: a unit starts when every unit it depends on is healthy, at most
 * {@link ApplyOptions#parallelism()} at once. A failed unit's dependents are skipped; by default no
 * new unit starts after the first failure. {@link #cancel()} (Ctrl-C) stops the run between objects.
 * Every step is reported to the listener; the run ends with {@link RunEvent.Finished}, which counts
 * re-created objects among the configured ones (each one's {@link RunEvent.ObjectDone} says RECREATED).
 * A prune that fails counts in {@code Finished.pruneFailures}. The inventory hook runs before the first unit (not when the run was stopped before it began) and, only after a run that fully succeeded, after the last.
 */
public final class GraphApplier {
  /** The name the inventory's failures are reported under. */
  public static final String INVENTORY = "inventory";

  private enum State { PENDING, RUNNING, READY, FAILED, STOPPED, SKIPPED }

  private final ObjectApplier objects;
  private final StagingWait staging;
  private final ApplyOptions options;
  private final HealthGate health;
  private final InventoryHook inventory;
  private final RunListener listener;
  private final Cancellation cancellation = new Cancellation();

  /**
   * @param client the connection (see {@code Kube})
   * @param options overrides, timeouts, parallelism, fail-fast
   * @param health waits for a unit's health gates
   * @param inventory labels, widens, prunes and narrows the inventory; {@link InventoryHook#NONE} for none
   * @param listener receives the run's events, one at a time
   */
  public GraphApplier(KubernetesClient client, ApplyOptions options, HealthGate health, InventoryHook inventory,
      RunListener listener) {
    this.objects = new ObjectApplier(client);
    this.staging = new StagingWait(client);
    this.options = options;
    this.health = health;
    this.inventory = inventory;
    RunListener serial = listener;
    this.listener = event -> {
      synchronized (serial) {
        serial.on(event);
      }
    };
  }

  /** An applier that waits for health on the live cluster ({@link LiveHealthGate}) and keeps no inventory. */
  public GraphApplier(KubernetesClient client, ApplyOptions options, RunListener listener) {
    this(client, options, new LiveHealthGate(client), InventoryHook.NONE, listener);
  }

  /** Stops the run: no new object is applied, waits end now; {@link #apply} returns a stopped summary. */
  public void cancel() {
    cancellation.cancel();
  }

  /** Applies {@code graph} and returns what was done; the last event sent is {@link RunEvent.Finished}. */
  public RunSummary apply(UnitGraph graph) {
    return apply(graph, new Plan(List.of()));
  }

  /**
   * Applies {@code graph} after {@code reviewed} planned it a moment ago: an object the plan found
   * unchanged is reported unchanged without a request, the others are planned again and applied.
   */
  public RunSummary apply(UnitGraph graph, Plan reviewed) {
    return apply(graph, reviewed, Set.of());
  }

  /**
   * {@link #apply(UnitGraph, Plan)}, where the objects in {@code settled} are known unchanged since an
   * earlier apply (a watching reconciler): a unit made only of them is not waited for.
   */
  public RunSummary apply(UnitGraph graph, Plan reviewed, Set<ObjectId> settled) {
    long start = System.nanoTime();
    UnitGraph wanted = cancellation.requested() ? graph : inventory.beforeApply(graph);
    Map<ObjectId, GenericKubernetesResource> byId = new HashMap<>();
    wanted.units().forEach(u -> u.objects().forEach(o -> byId.put(ObjectId.of(o), o)));
    UnitApplier units = new UnitApplier(objects, staging, health, options, listener, cancellation, byId, unchanged(reviewed),
        settled);

    Map<String, State> states = new LinkedHashMap<>();
    wanted.units().forEach(u -> states.put(u.name(), State.PENDING));
    Map<String, String> failed = new LinkedHashMap<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    Map<String, String> blame = new HashMap<>();
    List<ObjectChange> changes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), DaemonThreads.named("apply"));
    CompletionService<UnitOutcome> done = new ExecutorCompletionService<>(pool);
    int running = 0;
    boolean stopStarting = false;
    try {
      while (true) {
        stopStarting |= cancellation.requested();
        for (Unit unit : wanted.units()) {
          if (states.get(unit.name()) != State.PENDING) {
            continue;
          }
          String root = failedDependency(unit, states, blame);
          if (root != null) {
            blame.put(unit.name(), root);
            skip(unit.name(), "it depends on unit " + root + ", which failed", states, skipped);
          } else if (!stopStarting && running < options.parallelism()
              && unit.dependencies().stream().allMatch(d -> states.get(d) == State.READY)) {
            states.put(unit.name(), State.RUNNING);
            done.submit(() -> applyUnit(units, unit));
            running++;
          }
        }
        if (running == 0) {
          break;
        }
        UnitOutcome outcome = next(done);
        running--;
        changes.addAll(outcome.changes());
        if (outcome.stopped()) {
          states.put(outcome.unit(), State.STOPPED);
        } else if (outcome.failure() != null) {
          states.put(outcome.unit(), State.FAILED);
          failed.put(outcome.unit(), outcome.failure());
          stopStarting |= !options.keepGoing();
        } else {
          states.put(outcome.unit(), State.READY);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    String firstFailure = failed.isEmpty() ? null : failed.keySet().iterator().next();
    for (Unit unit : wanted.units()) {
      if (states.get(unit.name()) == State.PENDING) {
        skip(unit.name(), cancellation.requested() ? "the run was stopped before it started"
            : "the run stopped after unit " + firstFailure + " failed (fail-fast)", states, skipped);
      }
    }
    boolean stopped = cancellation.requested();
    RunSummary summary = new RunSummary(changes, failed, skipped, 0, 0, stopped,
        Duration.ofNanos(System.nanoTime() - start));
    if (summary.succeeded()) {
      summary = summary.withPruned(afterApply(wanted, summary));
    }
    summary = new RunSummary(summary.changes(), summary.failed(), summary.skipped(), summary.pruned(),
        summary.pruneFailures(), stopped, Duration.ofNanos(System.nanoTime() - start));
    listener.on(new RunEvent.Finished(summary.count(Change.CREATED),
        summary.count(Change.CONFIGURED) + summary.count(Change.RECREATED), summary.count(Change.UNCHANGED),
        summary.pruned(), summary.pruneFailures(), failed.size(), stopped, summary.elapsed()));
    return summary;
  }

  /**
   * The inventory's prune and narrow; one that fails as a whole is reported (a {@code UnitFailed} of
   * {@value #INVENTORY}) and counted as one prune failure, so the run still ends with its Finished event.
   */
  private Pruned afterApply(UnitGraph wanted, RunSummary summary) {
    try {
      return inventory.afterApply(wanted, summary);
    } catch (RuntimeException e) {
      listener.on(new RunEvent.UnitFailed(INVENTORY, "prune failed: " + e.getMessage()
          + ". What was not pruned stays recorded; apply again to prune it."));
      return new Pruned(0, 1);
    }
  }

  private UnitOutcome applyUnit(UnitApplier units, Unit unit) {
    try {
      return units.apply(unit);
    } catch (RuntimeException e) {
      String reason = "unexpected error: " + e.getMessage();
      listener.on(new RunEvent.UnitFailed(unit.name(), reason));
      return new UnitOutcome(unit.name(), List.of(), reason, false);
    }
  }

  /** The objects {@code reviewed} found unchanged. */
  private static Set<ObjectId> unchanged(Plan reviewed) {
    Set<ObjectId> ids = new HashSet<>();
    reviewed.changes().stream().filter(c -> c.change() == Change.UNCHANGED).forEach(c -> ids.add(c.object()));
    return ids;
  }

  /** The failed unit that a dependency of {@code unit} failed by, or {@code null}. */
  private static String failedDependency(Unit unit, Map<String, State> states, Map<String, String> blame) {
    for (String dependency : unit.dependencies()) {
      if (states.get(dependency) == State.FAILED) {
        return dependency;
      }
      if (blame.containsKey(dependency)) {
        return blame.get(dependency);
      }
    }
    return null;
  }

  private void skip(String unit, String because, Map<String, State> states, Map<String, String> skipped) {
    states.put(unit, State.SKIPPED);
    skipped.put(unit, because);
    listener.on(new RunEvent.UnitSkipped(unit, because));
  }

  private UnitOutcome next(CompletionService<UnitOutcome> done) {
    while (true) {
      try {
        return done.take().get();
      } catch (InterruptedException e) {
        cancel();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a unit's apply failed unexpectedly", e.getCause());
      }
    }
  }
}
