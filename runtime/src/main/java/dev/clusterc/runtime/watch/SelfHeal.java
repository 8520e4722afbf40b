package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.inventory.ApplySetKeys;
import dev.clusterc.runtime.inventory.MemberLabel;
import dev.clusterc.runtime.kube.DriftIgnore;
import dev.clusterc.runtime.kube.RequestFailure;
import dev.clusterc.runtime.model.Kinds;
import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the objects clusterc applied as it applied them: informers on each kind it manages (only
 * objects labelled as members of the ApplySet) note every change, and a check compares the live
 * object's {@link Projection} with the baseline taken when clusterc last wrote or saw it. Status
 * updates, fields other tools set and clusterc's own writes leave the projection as it was and cost
 * nothing; a changed field clusterc sets is applied back (server-side apply, conflicts forced), a
 * deleted object is created again. A {@link HealBudget} backs off from an object that keeps
 * drifting; a heal the API server refuses is reported and tried again later, never in a loop.
 *
 * <p>Checks never run on an informer's thread: they are handed to {@code serial}, the reconciler's
 * one thread, so they never interleave with a reconcile. {@link #desire} and {@link #resync} are
 * meant to be called on that thread too, and {@code desire} in the same task as the reconcile it
 * follows: the checks its writes and prunes queued then run after it, against the new baselines
 * (called later, a check in between would take a reconcile's write for drift, or re-create what it
 * pruned).
 *
 * <p>Cost: a check reads the informer's cache; only a difference is confirmed with one GET before
 * it is healed with one server-side apply (whose answer is the new baseline). A resync is one LIST
 * per kind.
 */
public final class SelfHeal implements AutoCloseable {

  /**
   * How hard to heal.
   *
   * @param attempts heals of one object in a row that go at once
   * @param window heals closer than this to the one before count as in a row; an object quiet this
   *     long after its last heal (and back-off) starts afresh
   * @param firstBackOff the wait before the heal after {@code attempts}, doubled for each further one
   * @param maxBackOff the longest wait
   * @param horizon once {@code attempts} bursts of heals began within this long, the next waits until
   *     the oldest of them is older (a field rewritten every few minutes, slower than {@code window})
   */
  public record HealPolicy(int attempts, Duration window, Duration firstBackOff, Duration maxBackOff,
      Duration horizon) {
    /** The default {@code horizon}. */
    public static final Duration HORIZON = Duration.ofHours(1);

    public HealPolicy {
      if (attempts < 1) {
        throw new IllegalArgumentException("heal attempts must be at least 1, got " + attempts);
      }
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(firstBackOff, "firstBackOff");
      Objects.requireNonNull(maxBackOff, "maxBackOff");
      Objects.requireNonNull(horizon, "horizon");
    }

    /** A policy with the default {@link #HORIZON}. */
    public HealPolicy(int attempts, Duration window, Duration firstBackOff, Duration maxBackOff) {
      this(attempts, window, firstBackOff, maxBackOff, HORIZON);
    }

    /** 3 heals in a row, a 2-minute window, back-off from 10 seconds up to 5 minutes; 3 bursts an hour. */
    public static HealPolicy defaults() {
      return new HealPolicy(3, Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofMinutes(5));
    }
  }

  /** What is known of one desired object. Read and written under {@link #lock} only. */
  private static final class Tracked {
    final ObjectId id;
    /** The desired object, labelled as a member. */
    GenericKubernetesResource desired;
    /** Its {@link Projection#wanted} tree, kept so that a check does not convert it again. */
    Map<String, Object> desiredTree;
    DriftIgnore ignore;
    /**
     * The projection clusterc last wrote or accepted; empty when the object was missing; null when
     * unknown (it could not be read back): the next check takes the live object's as it is.
     */
    Map<String, Object> baseline;
    /** A retry is scheduled (back-off or a failed heal): checks until then do nothing. */
    boolean waiting;
    int failures;

    Tracked(ObjectId id) {
      this.id = id;
    }
  }

  private final KubernetesClient client;
  private final String applySetId;
  private final HealPolicy policy;
  private final Executor serial;
  private final WatchListener listener;
  private final HealBudget budget;
  private final ScheduledExecutorService timer;
  private final Object lock = new Object();
  private final Map<ObjectId, Tracked> tracked = new ConcurrentHashMap<>();
  /** Checks handed to {@code serial} and not run yet, with when their first change was seen. */
  private final Map<ObjectId, Long> pending = new ConcurrentHashMap<>();
  private final MemberInformers informers;
  private volatile boolean paused;
  private volatile boolean closed;

  public SelfHeal(KubernetesClient client, String applySetId, HealPolicy policy, Executor serial,
      WatchListener listener) {
    this.client = client;
    this.applySetId = applySetId;
    this.policy = policy;
    this.serial = serial;
    this.listener = listener;
    this.budget = new HealBudget(policy, InstantSource.system());
    this.informers = new MemberInformers(client, applySetId, id -> {
      if (tracked.containsKey(id)) {
        enqueue(id, System.nanoTime());
      }
    });
    this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "clusterc-heal-timer");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * After each successful reconcile: the objects now desired. Takes a baseline for {@code written}
   * (objects this reconcile wrote: read back from the server, one GET each, unless their kind's
   * informer starts now and lists them) and for any desired object without one or whose desired
   * state changed (from the informer's cache); starts informers for kinds not yet watched; stops
   * tracking objects no longer desired, and informers of kinds no longer used.
   */
  public void desire(Map<ObjectId, GenericKubernetesResource> desired, Set<ObjectId> written) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      tracked.keySet().removeIf(id -> {
        boolean gone = !desired.containsKey(id);
        if (gone) {
          budget.forget(id);
          pending.remove(id);
        }
        return gone;
      });
      Map<String, GenericKubernetesResource> kinds = new LinkedHashMap<>();
      desired.forEach((id, object) -> kinds.putIfAbsent(id.groupKind(), object));
      informers.retain(kinds.keySet());
      Set<String> startedNow = new HashSet<>();
      kinds.forEach((kind, example) -> {
        if (informers.watch(example)) {
          startedNow.add(kind);
        }
      });

      List<ObjectId> missing = new ArrayList<>();
      desired.forEach((id, object) -> {
        GenericKubernetesResource labelled = member(object);
        Map<String, Object> tree = Projection.wanted(labelled);
        Tracked known = tracked.computeIfAbsent(id, Tracked::new);
        boolean fresh = known.baseline == null || written.contains(id) || !tree.equals(known.desiredTree);
        known.desired = labelled;
        known.desiredTree = tree;
        known.ignore = DriftIgnore.of(labelled);
        if (fresh) {
          known.failures = 0;
          try {
            // an informer started just now listed after the writes; an older one may not have seen them yet
            GenericKubernetesResource live = written.contains(id) && !startedNow.contains(id.groupKind())
                ? read(known) : cached(known);
            known.baseline = live == null ? Map.of() : project(known, live);
            if (live == null) {
              missing.add(id);
            }
          } catch (KubernetesClientException e) {
            // unreadable now: the next check takes the live object as the baseline (or creates it if missing)
            known.baseline = null;
            missing.add(id);
          }
        }
      });
      missing.forEach(id -> enqueue(id, System.nanoTime()));
    }
  }

  /** While paused (suspension), changes are noted but nothing is healed; unpausing checks every tracked object. */
  public void pause(boolean paused) {
    boolean was = this.paused;
    this.paused = paused;
    if (was && !paused) {
      long now = System.nanoTime();
      tracked.keySet().forEach(id -> enqueue(id, now));
    }
  }

  /**
   * Full resync: one LIST per watched kind (with the ApplySet label), each desired object's projection
   * compared with its baseline, differences healed and missing objects created again, also those whose
   * last heal failed. Objects backing off wait for their turn. Runs on the caller's thread.
   *
   * @return how many objects it healed or re-created
   */
  public int resync() {
    synchronized (lock) {
      if (closed || paused) {
        return 0;
      }
      int healed = 0;
      Map<String, List<Tracked>> byKind = new LinkedHashMap<>();
      tracked.values().forEach(t -> byKind.computeIfAbsent(t.id.groupKind(), k -> new ArrayList<>()).add(t));
      for (List<Tracked> objects : byKind.values()) {
        if (closed) {
          break;
        }
        GenericKubernetesResource example = objects.get(0).desired;
        informers.watch(example); // a kind not served before may be now
        Map<ObjectId, GenericKubernetesResource> listed;
        try {
          listed = informers.list(example);
        } catch (KubernetesClientException e) {
          // one report per kind, not one per object: the next resync tries them all again
          listener.on(new WatchEvent.ResyncFailed(objects.get(0).id.groupKind(), "could not list its "
              + objects.size() + " objects to resync them: " + RequestFailure.describe(e)));
          continue;
        }
        for (Tracked t : objects) {
          if (t.waiting && t.failures == 0) {
            continue; // backing off: its scheduled check comes
          }
          GenericKubernetesResource live = listed.get(t.id);
          if (live != null && t.baseline != null && same(t, live)) {
            continue;
          }
          if (live == null) {
            try {
              live = read(t); // there, but without our label?
            } catch (KubernetesClientException e) {
              continue;
            }
          }
          if (live != null && adopted(t, live)) {
            continue;
          }
          if (live != null && (terminating(live) || same(t, live))) {
            continue;
          }
          if (heal(t, live, System.nanoTime())) {
            healed++;
          }
        }
      }
      return healed;
    }
  }

  /** How many objects are tracked. */
  int tracked() {
    return tracked.size();
  }

  /**
   * Stops: no check, heal or resync starts after it. Does not wait for one running on the serial
   * thread (which may be in a long request): that one finds it closed before its next write.
   */
  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    informers.close();
    pending.clear();
  }

  /** Hands a check of {@code id} to the serial thread, once however many changes come before it runs. */
  private void enqueue(ObjectId id, long seenAt) {
    if (closed || pending.putIfAbsent(id, seenAt) != null) {
      return;
    }
    try {
      serial.execute(() -> {
        Long seen = pending.remove(id);
        synchronized (lock) {
          Tracked t = tracked.get(id);
          if (t != null && !t.waiting) {
            checkQuietly(t, seen == null ? System.nanoTime() : seen);
          }
        }
      });
    } catch (RejectedExecutionException e) {
      pending.remove(id); // the reconciler is shutting down
    }
  }

  /** A check that waited (back-off, or after a failed heal): due now. */
  private void retryLater(Tracked t, Duration after) {
    t.waiting = true;
    try {
      timer.schedule(() -> {
        try {
          serial.execute(() -> {
            synchronized (lock) {
              if (tracked.get(t.id) == t) {
                t.waiting = false;
                checkQuietly(t, System.nanoTime());
              }
            }
          });
        } catch (RejectedExecutionException e) {
          // shutting down
        }
      }, after.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  /** {@link #check}, leaving an object that cannot be read to the next change or resync. */
  private void checkQuietly(Tracked t, long seenAt) {
    try {
      check(t, seenAt);
    } catch (KubernetesClientException e) {
      // the server is away: the informer reconnects and the next resync compares everything
    }
  }

  /** Compares the newest live object (the cache first, the server to confirm) with the baseline; heals a difference. */
  private void check(Tracked t, long seenAt) {
    if (closed || paused) {
      return;
    }
    if (t.baseline == null) {
      GenericKubernetesResource live = read(t); // the server's answer: the cache may lag behind our write
      if (live == null || !adopted(t, live)) {
        heal(t, live, seenAt);
      }
      return;
    }
    boolean fromCache = informers.caches(t.id);
    GenericKubernetesResource live = fromCache ? informers.cached(t.id) : read(t);
    if (live != null && (terminating(live) || same(t, live))) {
      return;
    }
    if (fromCache) {
      live = read(t); // the cache may lag behind a write: only the server's answer counts as drift
      if (live != null && (terminating(live) || same(t, live))) {
        return;
      }
    }
    heal(t, live, seenAt);
  }

  /** Applies the desired object back (or creates it again when {@code live} is null), within the budget. */
  private boolean heal(Tracked t, GenericKubernetesResource live, long seenAt) {
    if (closed) {
      return false; // closed while this check read: no write after close
    }
    List<String> fields = List.of();
    String manager = FieldManagers.UNKNOWN;
    if (live != null) {
      Map<String, Object> current = project(t, live);
      fields = Projection.differences(t.baseline, current);
      manager = FieldManagers.whoChanged(live, fields, current);
    }
    if (budget.decide(t.id) instanceof HealBudget.Decision.Wait wait) {
      listener.on(new WatchEvent.HealBackOff(t.id, live == null ? "(deleted)" : String.join(", ", fields), manager,
          wait.attempts(), wait.retryIn()));
      retryLater(t, wait.retryIn());
      return false;
    }
    GenericKubernetesResource body = body(t.desired, t.ignore, live);
    GenericKubernetesResource result;
    try {
      result = client.resource(body).fieldValidation(Validation.STRICT).fieldManager(Kinds.FIELD_MANAGER)
          .forceConflicts().serverSideApply();
    } catch (KubernetesClientException e) {
      t.failures++;
      listener.on(new WatchEvent.HealFailed(t.id, RequestFailure.describe(e)));
      retryLater(t, RetryBackOff.delay(policy.firstBackOff(), t.failures, policy.maxBackOff()));
      return false;
    }
    budget.healed(t.id); // only heals that went count: a refused one backs off by its failures alone
    t.baseline = project(t, result);
    t.failures = 0;
    Duration latency = Duration.ofNanos(System.nanoTime() - seenAt);
    listener.on(live == null ? new WatchEvent.Recreated(t.id, latency)
        : new WatchEvent.DriftHealed(t.id, String.join(", ", fields), manager, latency));
    return true;
  }

  /**
   * Takes {@code live}'s projection as the baseline when {@code t}'s is unknown (a read-back failed):
   * nothing is known to have drifted then. Whether it did.
   */
  private static boolean adopted(Tracked t, GenericKubernetesResource live) {
    if (t.baseline != null) {
      return false;
    }
    t.baseline = project(t, live);
    return true;
  }

  /**
   * What a heal sends: {@code desired}, with the live values of ignored fields, and with the live
   * object's {@value Kinds#REVISION} annotation (none when it has none): a heal puts back what a
   * revision set, it never changes which revision that was. A re-create ({@code live} null) sends
   * {@code desired} as it is, with the revision it was last applied with.
   */
  static GenericKubernetesResource body(GenericKubernetesResource desired, DriftIgnore ignore,
      GenericKubernetesResource live) {
    if (live == null) {
      return desired;
    }
    String liveRevision = annotation(live, Kinds.REVISION);
    GenericKubernetesResource body = ignore.keepLive(desired, live);
    if (Objects.equals(liveRevision, annotation(body, Kinds.REVISION))) {
      return body;
    }
    if (body == desired) {
      body = Serialization.clone(desired); // the tracked desired object is not changed
    }
    Map<String, String> annotations = body.getMetadata().getAnnotations() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(body.getMetadata().getAnnotations());
    if (liveRevision == null) {
      annotations.remove(Kinds.REVISION);
    } else {
      annotations.put(Kinds.REVISION, liveRevision);
    }
    body.getMetadata().setAnnotations(annotations.isEmpty() ? null : annotations);
    return body;
  }

  private static String annotation(GenericKubernetesResource object, String key) {
    Map<String, String> annotations = object.getMetadata() == null ? null : object.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  private boolean same(Tracked t, GenericKubernetesResource live) {
    return Projection.differences(t.baseline, project(t, live)).isEmpty();
  }

  private static Map<String, Object> project(Tracked t, GenericKubernetesResource live) {
    return t.ignore.strip(Projection.of(t.desiredTree, Projection.tree(live)));
  }

  /** {@code object} labelled as a member of the set; itself when it is labelled already (no copy kept). */
  private GenericKubernetesResource member(GenericKubernetesResource object) {
    Map<String, String> labels = object.getMetadata() == null ? null : object.getMetadata().getLabels();
    return labels != null && applySetId.equals(labels.get(ApplySetKeys.PART_OF)) ? object
        : MemberLabel.label(object, applySetId);
  }

  private static boolean terminating(GenericKubernetesResource live) {
    return live.getMetadata().getDeletionTimestamp() != null;
  }

  /** The live object from its kind's informer, or from the server when the kind has none. */
  private GenericKubernetesResource cached(Tracked t) {
    return informers.caches(t.id) ? informers.cached(t.id) : read(t);
  }

  /**
   * The live object as the server has it now; null when it is gone.
   *
   * @throws KubernetesClientException when it cannot be read (the server away): nothing is healed then
   */
  private GenericKubernetesResource read(Tracked t) {
    return client.resource(t.desired).get();
  }
}
