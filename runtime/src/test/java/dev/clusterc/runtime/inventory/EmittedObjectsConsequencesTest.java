package dev.clusterc.runtime.inventory;

import static dev.clusterc.runtime.inventory.TestObjects.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.testapiserver.RepoPaths;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The consequences found on the objects clusterc really emits (the examples' golden files): each file
 * with one value edited as a person would edit the source. The unedited file has no consequence, so
 * every row shows the edit is what is caught.
 */
class EmittedObjectsConsequencesTest {

  @ParameterizedTest(name = "{0}: {1} → {2}")
  @CsvSource(delimiter = '|', textBlock = """
      homelab/expected/platform/external/gateway-external.yaml       | 10.0.50.102                 | 10.0.50.109                 | ADDRESS_MOVES   | from 10.0.50.102 to 10.0.50.109
      homelab/expected/platform/lb/ciliumloadbalancerippool-lb.yaml  | stop: 10.0.50.199           | stop: 10.0.50.149           | ADDRESS_MOVES   | gives up 10.0.50.150-10.0.50.199
      fleet-infra/expected/platform/lb/ipaddresspool-lb.yaml         | 192.168.1.200-192.168.1.220 | 192.168.1.200-192.168.1.210 | ADDRESS_MOVES   | gives up 192.168.1.211-192.168.1.220
      homelab/expected/storage/postgres/cluster-postgres.yaml        | instances: 3                | instances: 1                | FEWER_INSTANCES | instances 3 → 1, no standby left
      homelab/expected/platform/split/helmrelease-split.yaml         | 10.0.50.100                 | 10.0.50.101                 | ADDRESS_MOVES   | from 10.0.50.100 to 10.0.50.101
      fleet-infra/expected/controllers/traefik/helmrelease-traefik.yaml | 192.168.1.200            | 192.168.1.205               | ADDRESS_MOVES   | from 192.168.1.200 to 192.168.1.205
      """)
  void editedAddressesAndInstancesAreCaught(String file, String before, String after, String risk, String words)
      throws IOException {
    String text = Files.readString(RepoPaths.repoRoot().resolve("examples").resolve(file));
    assertTrue(text.contains(before), file + " no longer holds " + before + ": update this table");
    GenericKubernetesResource live = asApplied(yaml(text));
    GenericKubernetesResource desired = asApplied(yaml(text.replace(before, after)));
    ObjectId id = ObjectId.of(live);

    assertEquals(List.of(), Consequences.of(id, live, asApplied(yaml(text)), Change.CONFIGURED, List.of()));
    List<Consequence> found = Consequences.of(id, live, desired, Change.CONFIGURED, List.of());
    assertEquals(List.of(risk), found.stream().map(c -> c.risk().name()).toList(), found.toString());
    assertTrue(found.get(0).message().contains(words), found.get(0).message());
  }

  /**
   * The object the runtime applies: the object itself, or for a Flux HelmRelease (applied without Flux by
   * rendering its chart) the LoadBalancer Service its {@code values.service} describes, as charts render it.
   */
  private static GenericKubernetesResource asApplied(GenericKubernetesResource object) {
    if (!object.getKind().equals("HelmRelease")) {
      return object;
    }
    Object service = object.get("spec", "values", "service");
    assertNotEquals(null, service, "the HelmRelease has no values.service");
    GenericKubernetesResource rendered = yaml("apiVersion: v1\nkind: Service\nmetadata: {name: "
        + object.getMetadata().getName() + ", namespace: " + object.getMetadata().getNamespace() + "}\n");
    Map<?, ?> values = (Map<?, ?>) service;
    if (values.get("annotations") instanceof Map<?, ?> annotations) {
      Map<String, String> copy = new java.util.TreeMap<>();
      annotations.forEach((k, v) -> copy.put(String.valueOf(k), String.valueOf(v)));
      rendered.getMetadata().setAnnotations(copy);
    }
    rendered.setAdditionalProperty("spec", values.get("spec") instanceof Map<?, ?> spec ? spec : Map.of("type", "LoadBalancer"));
    return rendered;
  }
}
