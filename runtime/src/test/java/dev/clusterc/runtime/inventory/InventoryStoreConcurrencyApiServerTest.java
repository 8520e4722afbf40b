package dev.clusterc.runtime.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.testapiserver.WithTestApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Two applies of one cluster writing the parent at once, interleaved by hand: the slower one read the
 * parent before the faster one wrote, and its write must not drop the faster one's records.
 */
@WithTestApiServer(crds = false)
class InventoryStoreConcurrencyApiServerTest {
  static KubernetesClient client;

  private static final Tooling TOOLING = Tooling.clusterc("0.1.0");

  private static InventoryRecords records(String... names) {
    return new InventoryRecords(java.util.Arrays.stream(names).map(n -> new InventoryRecord(
        new ObjectId("", "ConfigMap", "default", n), "u", 0, 0)).toList());
  }

  private static Set<String> names(InventoryRecords records) {
    Set<String> names = new TreeSet<>();
    records.ids().forEach(id -> names.add(id.name()));
    return names;
  }

  private static InventoryStore store(String cluster) {
    return new InventoryStore(client, ApplySetParent.forCluster(cluster), TOOLING);
  }

  @Test
  void aWidenOnAStaleParentKeepsTheOtherWritersRecords() {
    InventoryStore first = store("widen-race");
    InventoryStore second = store("widen-race");
    first.update(Optional.empty(), r -> records("a"));
    Optional<ConfigMap> seenByFirst = first.fetch();

    second.update(second.fetch(), r -> r.union(records("b")));
    InventoryStore.Written written = first.update(seenByFirst, r -> r.union(records("c")));

    assertEquals(Set.of("a", "b", "c"), names(written.records()));
    assertEquals(Set.of("a", "b", "c"), names(first.read(first.fetch())));
  }

  @Test
  void aNarrowOnAStaleParentNarrowsTheFreshRecords() {
    InventoryStore first = store("narrow-race");
    InventoryStore second = store("narrow-race");
    first.update(Optional.empty(), r -> records("a", "b", "gone"));
    Optional<ConfigMap> seenByFirst = first.fetch();

    second.update(second.fetch(), r -> r.union(records("other")));
    InventoryStore.Written written = first.update(seenByFirst,
        r -> r.filter(record -> !record.object().name().equals("gone")));

    assertEquals(Set.of("a", "b", "other"), names(written.records()));
    assertEquals(List.copyOf(written.records().ids()), List.copyOf(first.read(first.fetch()).ids()));
  }
}
