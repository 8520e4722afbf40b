package dev.clusterc.runtime.inventory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The parent ConfigMap as clusterc writes it, and the checks before clusterc touches one that exists.
 *
 * <p>Labels and annotations follow kubectl: the id label, the tooling annotation, the sorted
 * {@code Kind.group} list and the sorted namespaces other than the parent's own (both present, empty
 * when there are none). The data key {@value #DATA_KEY} holds our records ({@link InventoryRecords}).
 */
public final class ParentObject {
  /** The data key of the records. */
  public static final String DATA_KEY = "inventory";

  private ParentObject() {}

  /** What a ConfigMap's data may hold, a little under the API server's 1 MiB so metadata fits too. */
  static final int MAX_TEXT = 1_000_000;

  /** The parent holding {@code records}, ready for a server-side apply; refuses records too large for it. */
  public static ConfigMap build(ApplySetParent parent, Tooling tooling, InventoryRecords records) {
    String text = records.format();
    if (text.length() > MAX_TEXT) {
      throw new InventoryException("the inventory of " + records.records().size() + " objects needs " + text.length()
          + " bytes, more than one ConfigMap holds (1 MiB): split the cluster's description into smaller clusters"
          + " or report this, so the inventory learns to span several parents");
    }
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(parent.name())
        .withNamespace(parent.namespace())
        .withLabels(Map.of(ApplySetKeys.ID, parent.id()))
        .withAnnotations(annotations(parent, tooling, records))
        .endMetadata()
        .withData(Map.of(DATA_KEY, text))
        .build();
  }

  /** The three ApplySet annotations for a set of {@code records}. */
  public static Map<String, String> annotations(ApplySetParent parent, Tooling tooling, InventoryRecords records) {
    List<String> namespaces = records.namespaces().stream().filter(ns -> !ns.equals(parent.namespace())).toList();
    Map<String, String> annotations = new TreeMap<>();
    annotations.put(ApplySetKeys.TOOLING, tooling.toString());
    annotations.put(ApplySetKeys.CONTAINS_GROUP_KINDS, String.join(",", records.groupKinds()));
    annotations.put(ApplySetKeys.ADDITIONAL_NAMESPACES, String.join(",", namespaces));
    return annotations;
  }

  /**
   * The records of an existing parent, after checking it is clusterc's set and this one: it carries
   * our tooling name and the id {@code parent} computes. Anything else is refused with what to do.
   */
  public static InventoryRecords read(ConfigMap live, ApplySetParent parent) {
    Map<String, String> annotations = orEmpty(live.getMetadata().getAnnotations());
    Map<String, String> labels = orEmpty(live.getMetadata().getLabels());
    String tooling = annotations.get(ApplySetKeys.TOOLING);
    if (tooling == null) {
      throw new InventoryException(parent + " exists but is no ApplySet parent (no " + ApplySetKeys.TOOLING
          + " annotation): clusterc keeps its inventory there, so rename or delete that ConfigMap");
    }
    String tool = Tooling.nameIn(tooling);
    if (!tool.equals(Tooling.CLUSTERC)) {
      throw new InventoryException(parent + " is an ApplySet managed by " + tool + " (" + tooling
          + "), not by clusterc: clusterc never changes another tool's set. Let " + tool
          + " remove it, or delete it if nothing uses it any more");
    }
    String id = labels.get(ApplySetKeys.ID);
    if (!parent.id().equals(id)) {
      throw new InventoryException(parent + " carries " + ApplySetKeys.ID + "=" + id + " where " + parent.id()
          + " was expected: it was not written by clusterc for this set. Delete it to start a new inventory"
          + " (prune then forgets everything applied before)");
    }
    String text = live.getData() == null ? null : live.getData().get(DATA_KEY);
    return text == null ? InventoryRecords.EMPTY : InventoryRecords.parse(text);
  }

  /** Whether {@code live} already is {@code wanted} in every field clusterc writes, so no write is needed. */
  public static boolean matches(ConfigMap live, ConfigMap wanted) {
    Map<String, String> liveAnnotations = orEmpty(live.getMetadata().getAnnotations());
    Map<String, String> liveLabels = orEmpty(live.getMetadata().getLabels());
    Map<String, String> liveData = orEmpty(live.getData());
    return wanted.getMetadata().getAnnotations().entrySet().stream()
        .allMatch(e -> Objects.equals(liveAnnotations.get(e.getKey()), e.getValue()))
        && wanted.getMetadata().getLabels().entrySet().stream()
        .allMatch(e -> Objects.equals(liveLabels.get(e.getKey()), e.getValue()))
        && Objects.equals(liveData.get(DATA_KEY), wanted.getData().get(DATA_KEY));
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
