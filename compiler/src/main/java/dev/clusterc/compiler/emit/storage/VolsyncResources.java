package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.emit.core.EmitContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * VolSync's two kinds ({@code volsync.backube/v1alpha1}): a ReplicationSource copies a claim out, a
 * ReplicationDestination copies into one. Specs are maps in the order the emitters build them.
 *
 * <p>How a mover reads the claim ({@code copyMethod}) follows from what the storage can do:
 * {@code Snapshot} gives a consistent point-in-time copy, but needs a CSI driver and the snapshot
 * controller; a static local PV has neither (and cannot be cloned either), so it is read
 * {@code Direct}ly, by a mover pod that VolSync places on the node where the claim is in use.
 */
final class VolsyncResources {
  static final String GROUP = "volsync.backube";
  static final String API_VERSION = GROUP + "/v1alpha1";

  /** Asks for one run of a ReplicationDestination, as restoring a volume once needs. */
  static final String RESTORE_ONCE = "restore-once";

  private VolsyncResources() {}

  static GenericKubernetesResource source(EmitContext context, ObjectMeta meta, Map<String, Object> spec) {
    return context.resource(API_VERSION, "ReplicationSource", meta, spec);
  }

  static GenericKubernetesResource destination(EmitContext context, ObjectMeta meta, Map<String, Object> spec) {
    return context.resource(API_VERSION, "ReplicationDestination", meta, spec);
  }

  /** {@code Snapshot} where the volume can be snapshotted, else {@code Direct} (see the class comment). */
  static String copyMethod(EmitContext context, VolumeSpec volume) {
    return volume.snapshots(context) ? "Snapshot" : "Direct";
  }

  /** A map in the order given, leaving out {@code null} values ({@code Map.of} iterates in no fixed order). */
  static Map<String, Object> spec(Object... keysAndValues) {
    Map<String, Object> spec = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        spec.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return spec;
  }

  /** Adds annotations to an object's metadata, keeping them in key order. */
  static ObjectMeta annotate(ObjectMeta meta, String key, String value) {
    Map<String, String> annotations = new TreeMap<>(meta.getAnnotations());
    annotations.put(key, value);
    meta.setAnnotations(annotations);
    return meta;
  }
}
