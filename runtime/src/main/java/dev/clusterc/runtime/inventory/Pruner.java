package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.Kinds;
import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Carries prune out on a cluster: looks up each candidate (one GET each, and the claims of each
 * namespace candidate), lets {@link PrunePlanner} decide, then deletes in its order and reports every
 * decision as an {@link RunEvent.ObjectDone}. A kind no longer served or an object already gone counts
 * as deleted; any other failed delete is reported as KEPT with the server's message and stays recorded.
 */
final class Pruner {
  private final KubernetesClient client;
  private final KindResolver kinds;

  Pruner(KubernetesClient client) {
    this.client = client;
    this.kinds = new KindResolver(client);
  }

  PruneResult run(InventoryRecords recorded, Set<ObjectId> desired, String applySetId, boolean pruneData,
      boolean execute, RunListener listener) {
    List<InventoryRecord> candidates = PrunePlanner.candidates(recorded, desired);
    Map<ObjectId, GenericKubernetesResource> live = new HashMap<>();
    Map<String, List<String>> claims = new HashMap<>();
    for (InventoryRecord candidate : candidates) {
      ObjectId id = candidate.object();
      fetch(id).ifPresent(object -> {
        live.put(id, object);
        if (Kinds.isNamespace(id)) {
          claims.put(id.name(), claimsIn(id.name()));
        }
      });
    }
    List<PruneDecision> decisions = keepWhatTakesForeignObjects(PrunePlanner.decide(
        new PruneInput(recorded, desired, live, claims, applySetId, pruneData)), recorded, live);
    Map<ObjectId, String> failures = new LinkedHashMap<>();
    for (PruneDecision decision : decisions) {
      if (execute && decision.action() == PruneDecision.Action.DELETE) {
        Optional<String> failure = delete(decision.object());
        if (failure.isPresent()) {
          failures.put(decision.object(), failure.get());
          listener.on(new RunEvent.ObjectDone(decision.record().unit(), decision.object(),
              Change.KEPT, "delete failed: " + failure.get()));
          continue;
        }
      }
      decision.change().ifPresent(change -> listener.on(
          new RunEvent.ObjectDone(decision.record().unit(), decision.object(), change, decision.reason())));
    }
    return new PruneResult(decisions, failures, execute);
  }

  /**
   * A CRD or Namespace about to be deleted is kept when deleting it would take objects that are not ours
   * with it (see {@link ForeignObjects}); the requests for that are sent only for those.
   */
  private List<PruneDecision> keepWhatTakesForeignObjects(List<PruneDecision> decisions, InventoryRecords recorded,
      Map<ObjectId, GenericKubernetesResource> live) {
    Set<ObjectId> deleted = decisions.stream().filter(d -> d.action() == PruneDecision.Action.DELETE)
        .map(PruneDecision::object).collect(Collectors.toSet());
    Set<ObjectId> ours = recorded.records().stream().map(InventoryRecord::object).collect(Collectors.toSet());
    ForeignObjects foreign = new ForeignObjects(client);
    List<PruneDecision> checked = new ArrayList<>();
    for (PruneDecision decision : decisions) {
      ObjectId id = decision.object();
      Optional<String> keep = Optional.empty();
      if (decision.action() == PruneDecision.Action.DELETE && Kinds.isCrd(id)) {
        keep = foreign.usingCrd(live.get(id), deleted);
      } else if (decision.action() == PruneDecision.Action.DELETE && Kinds.isNamespace(id)) {
        keep = foreign.inNamespace(id.name(), ours);
      }
      checked.add(keep.map(why -> new PruneDecision(decision.record(), PruneDecision.Action.KEEP, why, List.of()))
          .orElse(decision));
    }
    return checked;
  }

  private Optional<GenericKubernetesResource> fetch(ObjectId id) {
    return resource(id).map(Resource::get);
  }

  private List<String> claimsIn(String namespace) {
    return client.persistentVolumeClaims().inNamespace(namespace).list().getItems().stream()
        .map(PersistentVolumeClaim::getMetadata).map(m -> m.getName()).sorted().toList();
  }

  /** Deletes in the background (kubectl's default); empty when deleted or already gone, else why not. */
  private Optional<String> delete(ObjectId id) {
    Optional<Resource<GenericKubernetesResource>> resource = resource(id);
    if (resource.isEmpty()) {
      return Optional.empty();
    }
    try {
      resource.get().withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
      return Optional.empty();
    } catch (KubernetesClientException e) {
      return e.getCode() == 404 ? Optional.empty() : Optional.of(e.getMessage());
    }
  }

  private Optional<Resource<GenericKubernetesResource>> resource(ObjectId id) {
    Optional<ResourceDefinitionContext> context = kinds.resolve(id.group(), id.kind());
    return context.map(c -> id.namespaced() && c.isNamespaceScoped()
        ? client.genericKubernetesResources(c).inNamespace(id.namespace()).withName(id.name())
        : client.genericKubernetesResources(c).withName(id.name()));
  }
}
