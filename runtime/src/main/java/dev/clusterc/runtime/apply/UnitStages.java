package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.model.Kinds;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The two stages of a unit's objects, as Flux's ssa package orders them: first what other objects
 * need to exist (CRDs, then Namespaces, then {@code *Class} kinds such as StorageClass or
 * IngressClass), then everything else in the unit's own order. The runner waits for the first
 * stage's CRDs to be Established and Namespaces Active before the second.
 *
 * @param first CRDs, Namespaces and {@code *Class} objects, in that order
 * @param rest the other objects, in the unit's order
 */
record UnitStages(List<GenericKubernetesResource> first, List<GenericKubernetesResource> rest) {

  static UnitStages of(Unit unit) {
    List<GenericKubernetesResource> first = new ArrayList<>();
    List<GenericKubernetesResource> rest = new ArrayList<>();
    for (GenericKubernetesResource object : unit.objects()) {
      (rank(ObjectId.of(object)) < 3 ? first : rest).add(object);
    }
    first.sort(Comparator.comparingInt(o -> rank(ObjectId.of(o))));
    return new UnitStages(List.copyOf(first), List.copyOf(rest));
  }

  /** 0 for CRDs, 1 for Namespaces, 2 for {@code *Class} kinds, 3 for the rest. */
  static int rank(ObjectId id) {
    if (Kinds.isCrd(id)) {
      return 0;
    }
    if (Kinds.isNamespace(id)) {
      return 1;
    }
    return id.kind().endsWith("Class") && !id.namespaced() ? 2 : 3;
  }
}
