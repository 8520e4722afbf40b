package dev.clusterc.compiler.layout;

import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.core.ObjectOrder;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.emit.core.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/**
 * One YAML stream in apply order, for {@code kubectl apply -f -}: units by layer and dependency,
 * within a unit CRDs, Namespaces, cluster-scoped kinds, then the rest. Flux objects are left out
 * (they are for the GitOps tree); files a unit includes as they are (encrypted secrets) cannot be
 * applied without decrypting them, so the stream names them in a comment instead.
 */
public final class FlatLayout {
  private FlatLayout() {}

  public static String write(Compilation compilation) {
    StringBuilder out = new StringBuilder();
    for (Unit unit : compilation.units()) {
      for (Map.Entry<String, java.nio.file.Path> include : unit.includes().entrySet()) {
        int slash = include.getKey().indexOf('/');
        out.append("# unit ").append(unit.name()).append(" also needs ").append(include.getKey().substring(slash + 1))
            .append(slash < 0 ? "" : " in namespace " + include.getKey().substring(0, slash))
            .append(", included as it is in the GitOps layout (decrypt it before applying)\n");
      }
      for (HasMetadata object : ObjectOrder.applyOrder(unit.objects())) {
        out.append("---\n").append(Yaml.write(object));
      }
    }
    return out.toString();
  }
}
