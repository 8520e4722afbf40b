package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.Kinds;
import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a planned change does to the cluster beyond the object itself, in cluster terms, for
 * {@code plan} to say and {@code apply} to refuse without the flag of its {@link Risk}: data lost
 * (a claim, volume, database or namespace holding claims deleted or re-created), a CloudNativePG
 * database running fewer instances, a load-balancer or gateway address moving or released, a pool
 * giving addresses up. Pure: everything it needs is passed in.
 */
public final class Consequences {
  private Consequences() {}

  /**
   * The consequences of {@code change} to object {@code id}.
   *
   * @param live the object on the cluster, or null when there is none
   * @param desired the object wanted, or null when it is pruned
   * @param claimsInNamespace for a Namespace, the claims living in it (any owner); else empty
   */
  public static List<Consequence> of(ObjectId id, GenericKubernetesResource live, GenericKubernetesResource desired,
      Change change, List<String> claimsInNamespace) {
    List<Consequence> out = new ArrayList<>();
    switch (change) {
      case PRUNED -> {
        if (Kinds.isNamespace(id) && !claimsInNamespace.isEmpty()) {
          out.add(new Consequence(id, Risk.DATA_LOSS, "deleting " + id + " deletes the claims in it ("
              + String.join(", ", claimsInNamespace) + "): their data is lost"));
        }
        DataHolders.dataLost(id, live).ifPresent(why ->
            out.add(new Consequence(id, Risk.DATA_LOSS, "deleting " + id + ": " + why)));
        released(id, live, "deleting").ifPresent(out::add);
      }
      case RECREATED -> {
        if (Kinds.neverRecreated(id)) {
          out.add(new Consequence(id, Risk.NEVER_RECREATED, "an immutable field of " + id + " changed, and"
              + " re-creating it would delete it first (" + Kinds.whyNeverRecreated(id) + "): clusterc never does"
              + " that, not even with --force or --prune-data. Restore the old value, or move what it holds and"
              + " delete it yourself"));
        } else {
          DataHolders.dataLost(id, live).ifPresent(why ->
              out.add(new Consequence(id, Risk.DATA_LOSS, "re-creating " + id + " deletes it first: " + why)));
        }
        Set<String> before = Addresses.reached(id, live);
        Set<String> after = Addresses.pinned(id, desired);
        if (!before.isEmpty() && !after.equals(before)) {
          out.add(moved(id, before, after));
        } else {
          released(id, live, "re-creating").ifPresent(out::add);
        }
        fewerInstances(id, live, desired).ifPresent(out::add);
      }
      case CONFIGURED -> {
        Set<String> before = Addresses.reached(id, live);
        Set<String> after = Addresses.pinned(id, desired);
        if (!before.isEmpty() && !after.isEmpty() && !after.equals(before)) {
          out.add(moved(id, before, after));
        } else if (!Addresses.pinned(id, live).isEmpty() && after.isEmpty()) {
          out.add(new Consequence(id, Risk.ADDRESS_MOVES, id + " no longer asks for " + String.join(", ", before)
              + ": the provider may give it another address"));
        }
        shrunk(id, live, desired).ifPresent(out::add);
        fewerInstances(id, live, desired).ifPresent(out::add);
      }
      case CREATED, UNCHANGED, KEPT -> {
        // nothing live changes: created objects take what is free, kept ones stay as they are
      }
    }
    return List.copyOf(out);
  }

  private static Optional<Consequence> released(ObjectId id, GenericKubernetesResource live, String verb) {
    if (Addresses.isPool(id)) {
      AddressRanges ranges = Addresses.pool(live);
      return ranges.isEmpty() ? Optional.empty() : Optional.of(new Consequence(id,
          Risk.ADDRESS_MOVES, verb + " " + id + " takes away its addresses " + ranges
          + ": Services holding one lose it"));
    }
    Set<String> addresses = Addresses.reached(id, live);
    return addresses.isEmpty() ? Optional.empty() : Optional.of(new Consequence(id,
        Risk.ADDRESS_MOVES, verb + " " + id + " releases " + String.join(", ", addresses)
        + ": clients of that address lose it, and another Service may take it"));
  }

  private static Consequence moved(ObjectId id, Set<String> before, Set<String> after) {
    return new Consequence(id, Risk.ADDRESS_MOVES, id + " moves from " + String.join(", ", before) + " to "
        + (after.isEmpty() ? "an address the provider picks" : String.join(", ", after))
        + ": clients and DNS records of the old address stop reaching it");
  }

  private static Optional<Consequence> shrunk(ObjectId id, GenericKubernetesResource live,
      GenericKubernetesResource desired) {
    if (!Addresses.isPool(id)) {
      return Optional.empty();
    }
    AddressRanges lost = Addresses.pool(live).minus(Addresses.pool(desired));
    return lost.isEmpty() ? Optional.empty() : Optional.of(new Consequence(id,
        Risk.ADDRESS_MOVES, id + " gives up " + lost + ": Services holding one of them lose it"));
  }

  /** A CloudNativePG Cluster whose {@code spec.instances} drops (the operator's default is 1). */
  private static Optional<Consequence> fewerInstances(ObjectId id, GenericKubernetesResource live,
      GenericKubernetesResource desired) {
    if (!DataHolders.isDatabase(id) || live == null || desired == null) {
      return Optional.empty();
    }
    int before = instances(live);
    int after = instances(desired);
    if (after >= before) {
      return Optional.empty();
    }
    String standbys = after < 2 ? "no standby left: losing the primary's node stops the database"
        : (after - 1) + (after == 2 ? " standby" : " standbys") + " left instead of " + (before - 1);
    int sync = syncStandbys(desired);
    if (sync > after - 1) {
      standbys += "; synchronous replication waits for " + sync + " standbys, so writes stop";
    }
    return Optional.of(new Consequence(id, Risk.FEWER_INSTANCES,
        id + ": instances " + before + " → " + after + ", " + standbys));
  }

  private static int instances(GenericKubernetesResource cluster) {
    return cluster.get("spec", "instances") instanceof Number n ? n.intValue() : 1;
  }

  /** The standbys a commit waits for: {@code spec.minSyncReplicas}, or {@code spec.postgresql.synchronous.number}. */
  private static int syncStandbys(GenericKubernetesResource cluster) {
    int min = cluster.get("spec", "minSyncReplicas") instanceof Number n ? n.intValue() : 0;
    int number = cluster.get("spec", "postgresql", "synchronous", "number") instanceof Number n ? n.intValue() : 0;
    return Math.max(min, number);
  }
}
