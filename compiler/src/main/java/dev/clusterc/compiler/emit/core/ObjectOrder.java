package dev.clusterc.compiler.emit.core;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The order objects are applied in within a unit, and the file each is written to. */
public final class ObjectOrder {
  private ObjectOrder() {}

  /** CRDs, then Namespaces, then cluster-scoped kinds, then the rest; stable otherwise. */
  public static List<HasMetadata> applyOrder(List<HasMetadata> objects) {
    return objects.stream().sorted(Comparator.comparingInt(ObjectOrder::rank)).toList();
  }

  private static int rank(HasMetadata object) {
    if (object.getKind().equals("CustomResourceDefinition")) {
      return 0;
    }
    if (object.getKind().equals("Namespace")) {
      return 1;
    }
    return object.getMetadata().getNamespace() == null ? 2 : 3;
  }

  /**
   * The file of each object, in the order given: {@code kind-name.yaml}, with the namespace when two
   * objects of a unit share kind and name (counted once, so a unit of many objects stays linear); each
   * part made safe by {@link FileNames#part}, so a name from a {@code manifests} file cannot leave
   * the unit's directory.
   */
  public static List<String> fileNames(List<HasMetadata> unitObjects) {
    Map<String, Integer> sharing = new HashMap<>();
    unitObjects.forEach(o -> sharing.merge(o.getKind() + "\n" + o.getMetadata().getName(), 1, Integer::sum));
    List<String> names = new ArrayList<>(unitObjects.size());
    for (HasMetadata object : unitObjects) {
      String kind = object.getKind();
      String name = object.getMetadata().getName();
      String namespace = object.getMetadata().getNamespace();
      String stem = sharing.get(kind + "\n" + name) > 1 && namespace != null
          ? FileNames.part(kind) + "-" + FileNames.part(namespace) + "-" + FileNames.part(name)
          : FileNames.part(kind) + "-" + FileNames.part(name);
      names.add(stem + ".yaml");
    }
    return names;
  }

  /** How an object is named in messages: {@code Kind namespace/name}. */
  public static String describe(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return "`" + object.getKind() + " " + (namespace == null ? "" : namespace + "/") + object.getMetadata().getName() + "`";
  }
}
