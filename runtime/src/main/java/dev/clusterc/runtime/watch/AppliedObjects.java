package dev.clusterc.runtime.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.clusterc.runtime.model.Kinds;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the reconciler applied last, object by object: the hash of each desired object (its canonical
 * JSON without the {@value Kinds#REVISION} annotation) and the object as it was sent. A new desired
 * object with the same hash is settled: it is not planned again. Objects that are planned carry the
 * new revision ({@link #stamp}); a settled one keeps the revision that last changed it.
 */
final class AppliedObjects {
  private static final ObjectWriter CANONICAL = Serialization.jsonMapper().writer()
      .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private record Entry(String hash, GenericKubernetesResource sent) {}

  private final Map<ObjectId, Entry> entries = new HashMap<>();

  /** The objects of {@code graph} whose desired state equals what was applied last. */
  Set<ObjectId> settled(UnitGraph graph) {
    Set<ObjectId> settled = new HashSet<>();
    for (Unit unit : graph.units()) {
      for (GenericKubernetesResource object : unit.objects()) {
        ObjectId id = ObjectId.of(object);
        Entry entry = entries.get(id);
        if (entry != null && entry.hash().equals(hash(object))) {
          settled.add(id);
        }
      }
    }
    return settled;
  }

  /**
   * {@code graph} as it is sent: every object not in {@code settled} carries {@code revision}, a
   * settled one is the object sent last (with the revision that last changed it).
   */
  UnitGraph stamp(UnitGraph graph, String revision, Set<ObjectId> settled) {
    return new UnitGraph(graph.cluster(), graph.units().stream()
        .map(u -> new Unit(u.name(), u.layer(), u.declaration(), u.objects().stream()
            .map(o -> settled.contains(ObjectId.of(o)) ? entries.get(ObjectId.of(o)).sent() : withRevision(o, revision))
            .toList(), u.dependencies(), u.healthGates()))
        .toList());
  }

  /** Records {@code sent} (a {@link #stamp}ed graph) as applied: exactly its objects are remembered. */
  void applied(UnitGraph sent) {
    entries.clear();
    sent.units().forEach(u -> u.objects().forEach(o -> entries.put(ObjectId.of(o), new Entry(hash(o), o))));
  }

  /**
   * Forgets {@code ids}: the next reconcile plans them again. For objects a run wrote without
   * completing: the state they were left in is not what is remembered for them, so a desired state
   * equal to the remembered one must still be applied.
   */
  void forget(Set<ObjectId> ids) {
    entries.keySet().removeAll(ids);
  }

  /** The object as sent last, or {@code null} when {@code id} is not remembered. */
  GenericKubernetesResource sent(ObjectId id) {
    Entry entry = entries.get(id);
    return entry == null ? null : entry.sent();
  }

  /** The objects as sent last, by id. */
  Map<ObjectId, GenericKubernetesResource> sent() {
    Map<ObjectId, GenericKubernetesResource> sent = new LinkedHashMap<>();
    entries.forEach((id, entry) -> sent.put(id, entry.sent()));
    return sent;
  }

  int size() {
    return entries.size();
  }

  /** A copy of {@code object} annotated with {@code revision}; without the annotation when it is {@code null}. */
  static GenericKubernetesResource withRevision(GenericKubernetesResource object, String revision) {
    GenericKubernetesResource copy = Serialization.clone(object);
    ObjectMeta metadata = copy.getMetadata() == null ? new ObjectMeta() : copy.getMetadata();
    Map<String, String> annotations = metadata.getAnnotations() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(metadata.getAnnotations());
    if (revision == null) {
      annotations.remove(Kinds.REVISION);
    } else {
      annotations.put(Kinds.REVISION, revision);
    }
    metadata.setAnnotations(annotations.isEmpty() ? null : annotations);
    copy.setMetadata(metadata);
    return copy;
  }

  /** SHA-256 of the object's canonical JSON (keys sorted) without the revision annotation. */
  static String hash(GenericKubernetesResource object) {
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = Serialization.jsonMapper().convertValue(object, Map.class);
    if (tree.get("metadata") instanceof Map<?, ?> metadata && metadata.get("annotations") instanceof Map<?, ?> notes) {
      notes.remove(Kinds.REVISION);
      if (notes.isEmpty()) {
        metadata.remove("annotations");
      }
    }
    try {
      byte[] json = CANONICAL.writeValueAsBytes(tree);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an object did not serialize as JSON", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
