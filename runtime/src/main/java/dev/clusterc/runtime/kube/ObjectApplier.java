package dev.clusterc.runtime.kube;

import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.Kinds;
import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.fabric8.kubernetes.client.dsl.NamespaceableResource;
import io.fabric8.kubernetes.client.dsl.ServerSideApplicable;
import io.fabric8.kubernetes.client.dsl.WritableOperation;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Plans and applies one object with server-side apply as field manager {@value Kinds#FIELD_MANAGER}.
 *
 * <p>A plan reads the live object and dry-runs the apply; the dry-run result is compared with the
 * live object without status and metadata noise, so an object is written only when it drifted and
 * a second apply of an unchanged cluster sends no write. Conflicts with another field manager are
 * reported with that manager's name and taken over only when forced; an immutable field change
 * deletes and re-creates the object only when forced, and never for claims, volumes, CRDs and
 * Namespaces ({@link Kinds#neverRecreated}). A field the object's {@value Kinds#DRIFT_IGNORE}
 * annotation names keeps its live value ({@link DriftIgnore#respectLive}): another owner (an
 * autoscaler) keeps it, and a change of the source neither conflicts with it nor resets it.
 */
public final class ObjectApplier {
  /** How long a re-create waits for the deleted object to go before it creates it again. */
  public static final Duration DELETE_TIMEOUT = Duration.ofMinutes(2);
  /**
   * How long a re-create stopped while its object is being deleted still waits for it to go (from the
   * delete): shorter than a watch's close waits for the object in flight.
   */
  public static final Duration STOPPED_DELETE_TIMEOUT = Duration.ofSeconds(40);
  private static final long DELETE_POLL_MILLIS = 250;

  private final KubernetesClient client;
  private final ObjectDiff diff = new ObjectDiff();

  private final Duration stoppedDeleteTimeout;

  public ObjectApplier(KubernetesClient client) {
    this(client, STOPPED_DELETE_TIMEOUT);
  }

  /** An applier whose stopped re-creates wait {@code stoppedDeleteTimeout} for the delete (tests). */
  ObjectApplier(KubernetesClient client, Duration stoppedDeleteTimeout) {
    this.client = client;
    this.stoppedDeleteTimeout = stoppedDeleteTimeout;
  }

  /** What applying {@code desired} would do; sends reads and dry runs only. */
  public ObjectChange plan(GenericKubernetesResource desired) {
    return planned(desired).change();
  }

  /**
   * Applies {@code desired} if it drifted and returns what was done.
   *
   * @throws ObjectRefused when it conflicts with another field manager and {@code flags} do not
   *     force conflicts, or an immutable field changed and it may not be re-created
   * @throws KubernetesClientException when the API server rejects it otherwise
   */
  public ObjectChange apply(GenericKubernetesResource desired, ApplyFlags flags) {
    return apply(desired, flags, () -> false);
  }

  /**
   * {@link #apply(GenericKubernetesResource, ApplyFlags)} in a run that can be stopped: once
   * {@code stopped} says so, a re-create is refused before its delete (a re-create already deleting
   * still creates, so a stop never leaves the object gone). A stopped re-create waits at most
   * {@link #STOPPED_DELETE_TIMEOUT} from its delete for the object to go; if it is still there then
   * (a finalizer), it is left as it is and the re-create refused.
   */
  public ObjectChange apply(GenericKubernetesResource desired, ApplyFlags flags, BooleanSupplier stopped) {
    Planned planned = planned(desired);
    ObjectChange change = planned.change();
    switch (change.change()) {
      case UNCHANGED:
        return change;
      case RECREATED:
        return recreate(planned.sent(), planned.live(), change, flags, stopped);
      default:
        if (!change.conflicts().isEmpty() && !flags.forceConflicts()) {
          throw conflict(change.object(), change.detail());
        }
        try {
          apply(planned.sent(), false, flags.forceConflicts());
          return change;
        } catch (KubernetesClientException e) {
          if (ApiErrors.immutable(e) && planned.live() != null) {
            return recreate(planned.sent(), planned.live(), change.as(Change.RECREATED), flags, stopped);
          }
          if (!ApiErrors.conflictingManagers(e).isEmpty()) {
            throw conflict(change.object(), conflictDetail(e));
          }
          throw e;
        }
    }
  }

  /**
   * A plan with the live object it was made against (null when there is none), for consequences
   * computed where the object was read, and the object it planned to send: the desired one with the
   * live values of its ignored fields ({@link DriftIgnore#respectLive}). Never printed or serialized:
   * the objects may be Secrets.
   */
  public record Planned(ObjectChange change, GenericKubernetesResource live, GenericKubernetesResource sent) {}

  /**
   * {@link #plan}, with the live object it was made against.
   *
   * @param known the live object as a LIST just read it, or {@code null} to read it now
   */
  public Planned planWithLive(GenericKubernetesResource desired, GenericKubernetesResource known) {
    return known == null ? planned(desired) : planned(desired, known);
  }

  private Planned planned(GenericKubernetesResource desired) {
    ObjectId id = ObjectId.of(desired);
    GenericKubernetesResource live;
    try {
      live = client.resource(desired).get();
    } catch (KubernetesClientException e) {
      if (ApiErrors.kindNotServed(e)) {
        return new Planned(diff.created(desired, null, notServed(id)), null, desired);
      }
      throw e;
    }
    return planned(desired, live);
  }

  /** Plans what is sent: {@code desired} with the live values of its ignored fields ({@link DriftIgnore}). */
  private Planned planned(GenericKubernetesResource wanted, GenericKubernetesResource live) {
    GenericKubernetesResource desired = DriftIgnore.respectLive(wanted, live);
    ObjectId id = ObjectId.of(desired);
    List<String> conflicts = List.of();
    String detail = "";
    GenericKubernetesResource dryRun;
    try {
      dryRun = apply(desired, true, false);
    } catch (KubernetesClientException e) {
      conflicts = ApiErrors.conflictingManagers(e);
      if (!conflicts.isEmpty()) {
        detail = conflictDetail(e);
        dryRun = apply(desired, true, true);
      } else if (ApiErrors.immutable(e) && live != null) {
        return new Planned(diff.recreated(live, desired, "immutable " + fields(e)), live, desired);
      } else if (live == null && e.getCode() == 404 && id.namespaced()) {
        return new Planned(diff.created(desired, null, "its namespace " + id.namespace() + " does not exist yet"),
            null, desired);
      } else if (live == null && ApiErrors.kindNotServed(e)) {
        return new Planned(diff.created(desired, null, notServed(id)), null, desired);
      } else {
        throw e;
      }
    }
    if (live == null) {
      return new Planned(diff.created(desired, dryRun, detail), null, desired);
    }
    return new Planned(diff.compare(live, dryRun, desired, detail, conflicts), live, desired);
  }

  private GenericKubernetesResource apply(GenericKubernetesResource desired, boolean dryRun, boolean force) {
    NamespaceableResource<GenericKubernetesResource> resource = client.resource(desired);
    WritableOperation<GenericKubernetesResource> operation = dryRun ? resource.dryRun() : resource;
    ServerSideApplicable<GenericKubernetesResource> apply = operation.fieldValidation(Validation.STRICT)
        .fieldManager(Kinds.FIELD_MANAGER);
    return force ? apply.forceConflicts().serverSideApply() : apply.serverSideApply();
  }

  /** @param sent what to create again: the desired object with its ignored fields' live values */
  private ObjectChange recreate(GenericKubernetesResource sent, GenericKubernetesResource live,
      ObjectChange change, ApplyFlags flags, BooleanSupplier stopped) {
    ObjectId id = change.object();
    if (Kinds.neverRecreated(id)) {
      throw new ObjectRefused(id, change.detail() + ": clusterc never deletes a " + id.kind()
          + " to re-create it (not even with --force): " + Kinds.whyNeverRecreated(id)
          + ". Restore the old value, or move what depends on it and delete it yourself.");
    }
    if (!flags.force()) {
      throw new ObjectRefused(id, change.detail() + ": the object must be deleted and created again. "
          + "Apply with --force to do that, or restore the old value.");
    }
    if (stopped.getAsBoolean()) {
      throw new ObjectRefused(id, change.detail() + ": not re-created, because the run was stopped. Apply again"
          + " to re-create it.");
    }
    client.resource(live).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    if (!awaitDeleted(live, stopped)) {
      throw new ObjectRefused(id, change.detail() + ": deleted to be re-created, but still there when the run was"
          + " stopped (a finalizer?). It was left as it is; apply again to re-create it.");
    }
    apply(sent, false, true);
    return change;
  }

  /**
   * Waits for {@code live} to be gone, at most {@link #DELETE_TIMEOUT}, or {@code stoppedDeleteTimeout}
   * from the delete once {@code stopped}; whether it went.
   *
   * @throws KubernetesClientException when it is still there after {@link #DELETE_TIMEOUT}, or cannot be read
   */
  private boolean awaitDeleted(GenericKubernetesResource live, BooleanSupplier stopped) {
    long start = System.nanoTime();
    boolean interrupted = false; // an interrupt counts as a stop: the object is still created once gone
    try {
      while (client.resource(live).get() != null) {
        long waited = System.nanoTime() - start;
        if ((interrupted || stopped.getAsBoolean()) && waited >= stoppedDeleteTimeout.toNanos()) {
          return false;
        }
        if (waited >= DELETE_TIMEOUT.toNanos()) {
          throw new KubernetesClientException("timed out after " + DELETE_TIMEOUT.toSeconds() + " s waiting for "
              + ObjectId.of(live) + " to be deleted");
        }
        try {
          Thread.sleep(DELETE_POLL_MILLIS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      return true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static ObjectRefused conflict(ObjectId id, String detail) {
    return new ObjectRefused(id, detail + ": another tool or person changed it. Apply with --force-conflicts to"
        + " take these fields over, or change the declaration to match.");
  }

  /** {@code conflict with field manager kubectl-edit over field .data.k}. */
  private static String conflictDetail(KubernetesClientException e) {
    List<String> managers = ApiErrors.conflictingManagers(e);
    return "conflict with field manager" + (managers.size() == 1 ? " " : "s ") + String.join(", ", managers)
        + " over " + fields(e);
  }

  private static String fields(KubernetesClientException e) {
    List<String> fields = ApiErrors.conflictingFields(e);
    return fields.isEmpty() ? "fields" : "field" + (fields.size() == 1 ? " " : "s ") + String.join(", ", fields);
  }

  private static String notServed(ObjectId id) {
    return "its kind " + id.groupKind() + " is not served yet (its CRD is applied first)";
  }
}
