package dev.clusterc.runtime.model;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;

/**
 * Objects applied together and waited for together, as the compiler groups them: one declaration's
 * objects. The runtime applies a unit only after every unit it depends on is healthy.
 *
 * @param name unique in the graph
 * @param layer the layer it belongs to, for display ({@code platform}, {@code apps}, …)
 * @param declaration what a person calls it ({@code app jellyfin}), or {@code null} when nothing declares it
 * @param objects the objects, in the order they are applied; none for an ordering-only unit
 * @param dependencies the names of the units that must be healthy first
 * @param healthGates the objects whose health makes the unit healthy; empty when nothing gates it
 */
public record Unit(String name, String layer, String declaration, List<GenericKubernetesResource> objects,
    List<String> dependencies, List<ObjectId> healthGates) {

  public Unit {
    objects = List.copyOf(objects);
    dependencies = List.copyOf(dependencies);
    healthGates = List.copyOf(healthGates);
  }

  /** What a person calls it: its declaration, else its name. */
  public String title() {
    return Optional.ofNullable(declaration).orElse(name);
  }

  /** The ids of its objects, in apply order. */
  public List<ObjectId> objectIds() {
    return objects.stream().map(ObjectId::of).toList();
  }
}
