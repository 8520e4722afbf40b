package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.Kinds;
import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides what prune does with each recorded object the graph no longer wants. Pure.
 *
 * <p>Only recorded objects are candidates, and a candidate is deleted only while it still carries
 * our part-of label: an object that merely looks like ours, or carries our label without being
 * recorded, is never touched. PersistentVolumes are never deleted; claims, databases and namespaces
 * holding claims only with {@code pruneData}; a namespace or CRD that something kept or wanted still
 * needs stays. An empty desired set prunes nothing: it is refused.
 *
 * <p>Order: reverse dependency order (reverse unit position, then reverse object position), except
 * that CRDs come after every other object (custom resources go before their definitions) and
 * namespaces after everything (their content goes first).
 */
public final class PrunePlanner {
  private static final Comparator<PruneDecision> ORDER = Comparator
      .comparingInt((PruneDecision d) -> phase(d.object()))
      .thenComparing(PruneDecision::record, InventoryRecord.APPLY_ORDER.reversed());

  private PrunePlanner() {}

  /**
   * The recorded objects {@code desired} no longer holds, in apply order: what to look up on the
   * cluster before {@link #decide}. Refuses when nothing is desired but something is recorded.
   */
  public static List<InventoryRecord> candidates(InventoryRecords recorded, Set<ObjectId> desired) {
    if (desired.isEmpty() && !recorded.isEmpty()) {
      throw new InventoryException("nothing is desired, so prune would delete all " + recorded.records().size()
          + " objects clusterc applied: refused. If the cluster's description really came out empty, check"
          + " what compile produced; to remove everything, delete the objects yourself");
    }
    return recorded.records().stream().filter(r -> !desired.contains(r.object())).toList();
  }

  /** A decision for every candidate, in the order prune carries them out. */
  public static List<PruneDecision> decide(PruneInput in) {
    List<PruneDecision> decisions = new ArrayList<>();
    List<InventoryRecord> later = new ArrayList<>();
    for (InventoryRecord record : candidates(in.recorded(), in.desired())) {
      ObjectId id = record.object();
      GenericKubernetesResource live = in.live().get(id);
      if (live == null) {
        decisions.add(decision(record, PruneDecision.Action.FORGET, "already gone"));
      } else if (!MemberLabel.carries(live, in.applySetId())) {
        decisions.add(decision(record, PruneDecision.Action.RELEASE, "no longer carries " + ApplySetKeys.PART_OF + "="
            + in.applySetId() + ": something else took it over, so it is left alone and forgotten"));
      } else if (Kinds.isNamespace(id) || Kinds.isCrd(id)) {
        later.add(record);
      } else {
        decisions.add(decideObject(record, live, in));
      }
    }
    Set<String> keptKinds = groupKinds(decisions, PruneDecision.Action.KEEP);
    Set<String> wantedKinds = in.desired().stream().map(ObjectId::groupKind).collect(Collectors.toSet());
    for (InventoryRecord record : later.stream().filter(r -> Kinds.isCrd(r.object())).toList()) {
      GenericKubernetesResource live = in.live().get(record.object());
      Optional<String> defines = DataHolders.definedGroupKind(live);
      if (defines.isPresent() && wantedKinds.contains(defines.get())) {
        decisions.add(decision(record, PruneDecision.Action.KEEP, "wanted " + defines.get() + " objects still need it"));
      } else if (defines.isPresent() && keptKinds.contains(defines.get())) {
        decisions.add(decision(record, PruneDecision.Action.KEEP, "kept " + defines.get() + " objects still need it"));
      } else {
        decisions.add(decideObject(record, live, in));
      }
    }
    for (InventoryRecord record : later.stream().filter(r -> Kinds.isNamespace(r.object())).toList()) {
      decisions.add(decideNamespace(record, in, decisions));
    }
    decisions.sort(ORDER);
    return List.copyOf(decisions);
  }

  private static PruneDecision decideObject(InventoryRecord record, GenericKubernetesResource live, PruneInput in) {
    ObjectId id = record.object();
    if (Kinds.isVolume(id)) {
      return decision(record, PruneDecision.Action.KEEP,
          "PersistentVolumes are never pruned: delete it yourself once its data is no longer needed");
    }
    Optional<String> data = DataHolders.dataLost(id, live);
    if (data.isPresent() && !in.pruneData()) {
      return decision(record, PruneDecision.Action.KEEP, "deleting it loses data (" + data.get()
          + "): kept; pass --prune-data to delete it");
    }
    return new PruneDecision(record, PruneDecision.Action.DELETE, "",
        Consequences.of(id, live, null, Change.PRUNED, List.of()));
  }

  private static PruneDecision decideNamespace(InventoryRecord record, PruneInput in, List<PruneDecision> decided) {
    String namespace = record.object().name();
    List<String> wanted = in.desired().stream().filter(id -> namespace.equals(id.namespace()))
        .map(ObjectId::toString).sorted().limit(3).toList();
    if (!wanted.isEmpty()) {
      return decision(record, PruneDecision.Action.KEEP, "wanted objects still live in it (" + String.join(", ", wanted) + ")");
    }
    List<String> kept = decided.stream()
        .filter(d -> d.action() == PruneDecision.Action.KEEP && namespace.equals(d.object().namespace()))
        .map(d -> d.object().toString()).sorted().limit(3).toList();
    if (!kept.isEmpty()) {
      return decision(record, PruneDecision.Action.KEEP, "it holds kept objects (" + String.join(", ", kept) + ")");
    }
    List<String> claims = in.claims().getOrDefault(namespace, List.of());
    if (!claims.isEmpty() && !in.pruneData()) {
      return decision(record, PruneDecision.Action.KEEP, "it holds claims (" + String.join(", ", claims)
          + "): kept with their data; pass --prune-data to delete it");
    }
    return new PruneDecision(record, PruneDecision.Action.DELETE, "",
        Consequences.of(record.object(), in.live().get(record.object()), null, Change.PRUNED, claims));
  }

  private static PruneDecision decision(InventoryRecord record, PruneDecision.Action action, String reason) {
    return new PruneDecision(record, action, reason, List.of());
  }

  private static Set<String> groupKinds(List<PruneDecision> decisions, PruneDecision.Action action) {
    return decisions.stream().filter(d -> d.action() == action).map(d -> d.object().groupKind())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** 0 for ordinary objects, 1 for CRDs, 2 for namespaces. */
  private static int phase(ObjectId id) {
    return Kinds.isNamespace(id) ? 2 : Kinds.isCrd(id) ? 1 : 0;
  }
}
