package dev.clusterc.compiler.emit.core;

import dev.clusterc.compiler.kube.KubeObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The order objects are applied in within a unit, and the file each is written to. */
public final class ObjectOrder {
  private ObjectOrder() {}

  /** CRDs, then Namespaces, then cluster-scoped kinds, then the rest; stable otherwise. */
  public static List<KubeObject> applyOrder(List<KubeObject> objects) {
    // A stable sort on four ranks is four passes: each object is ranked once, never per comparison.
    int[] ranks = new int[objects.size()];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = rank(objects.get(i));
    }
    List<KubeObject> ordered = new ArrayList<>(ranks.length);
    for (int rank = 0; rank <= 3; rank++) {
      for (int i = 0; i < ranks.length; i++) {
        if (ranks[i] == rank) {
          ordered.add(objects.get(i));
        }
      }
    }
    return Collections.unmodifiableList(ordered);
  }

  private static int rank(KubeObject object) {
    if (object.kind().equals("CustomResourceDefinition")) {
      return 0;
    }
    if (object.kind().equals("Namespace")) {
      return 1;
    }
    return object.namespace() == null ? 2 : 3;
  }

  /**
   * The file of each object, in the order given: {@code kind-name.yaml}, with the namespace when two
   * objects of a unit share kind and name (counted once, so a unit of many objects stays linear); each
   * part made safe by {@link FileNames#part}, so a name from a {@code manifests} file cannot leave
   * the unit's directory.
   */
  public static List<String> fileNames(List<KubeObject> unitObjects) {
    Map<String, Integer> sharing = new HashMap<>();
    unitObjects.forEach(o -> sharing.merge(o.kind() + "\n" + o.name(), 1, Integer::sum));
    List<String> names = new ArrayList<>(unitObjects.size());
    for (KubeObject object : unitObjects) {
      String kind = object.kind();
      String name = object.name();
      String namespace = object.namespace();
      String stem = sharing.get(kind + "\n" + name) > 1 && namespace != null
          ? FileNames.part(kind) + "-" + FileNames.part(namespace) + "-" + FileNames.part(name)
          : FileNames.part(kind) + "-" + FileNames.part(name);
      names.add(stem + ".yaml");
    }
    return names;
  }

  /** How an object is named in messages: {@code Kind namespace/name}. */
  public static String describe(KubeObject object) {
    String namespace = object.namespace();
    return "`" + object.kind() + " " + (namespace == null ? "" : namespace + "/") + object.name() + "`";
  }
}
