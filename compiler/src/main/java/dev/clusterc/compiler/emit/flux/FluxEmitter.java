package dev.clusterc.compiler.emit.flux;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.HealthGates;
import dev.clusterc.compiler.emit.core.ObjectOrder;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.kube.Tree;
import dev.clusterc.compiler.program.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * With {@code gitops flux}: the GitRepository the cluster is read from and one Kustomization per
 * unit, whose {@code dependsOn} are the unit's reduced dependencies. Health is gated by
 * {@code wait: true} when every object is a {@link HealthGates gate}, else by {@code healthChecks}
 * on the gates (never both); a unit without gates (a barrier of the ladder holds no objects) is not
 * gated. Units with SOPS files get
 * {@code decryption} with the key secret {@code gitops flux { decryption }} names; the GitRepository
 * gets {@code secretRef} when {@code secret} names the Git credentials.
 */
public final class FluxEmitter {
  public static final String NAMESPACE = FluxSettings.NAMESPACE;

  private FluxEmitter() {}

  public static List<KubeObject> emit(Program program, EmitContext context, List<Unit> units) {
    Decl cluster = program.cluster().orElseThrow();
    FluxSettings settings = FluxSettings.of(context).orElse(null);
    if (settings == null) {
      return List.of();
    }
    List<KubeObject> objects = new ArrayList<>();
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("interval", settings.interval());
    source.put("ref", Map.of("branch", settings.branch()));
    if (settings.credentialsSecret() != null) {
      source.put("secretRef", Map.of("name", settings.credentialsSecret()));
    }
    source.put("url", settings.url());
    objects.add(context.object(cluster, "source.toolkit.fluxcd.io/v1", "GitRepository", cluster.name(), NAMESPACE)
        .put("spec", source));
    for (Unit unit : units) {
      objects.add(kustomization(context, cluster, unit, settings));
    }
    return objects;
  }

  private static KubeObject kustomization(EmitContext context, Decl cluster, Unit unit, FluxSettings settings) {
    Map<String, Object> spec = new LinkedHashMap<>();
    if (!unit.dependsOn().isEmpty()) {
      spec.put("dependsOn", unit.dependsOn().stream().map(d -> Map.of("name", d.name())).toList());
    }
    spec.put("interval", settings.interval());
    spec.put("path", "./" + settings.path() + "/" + unit.layer() + "/" + unit.name());
    spec.put("prune", true);
    spec.put("sourceRef", Map.of("kind", "GitRepository", "name", cluster.name()));
    List<KubeObject> objects = ObjectOrder.applyOrder(unit.objects());
    List<KubeObject> checked = HealthGates.of(objects);
    if (objects.isEmpty()) {
      // A barrier (or any unit that applies nothing) has nothing to wait for: no gate at all.
    } else if (checked.size() == objects.size()) {
      spec.put("wait", true);
    } else if (!checked.isEmpty()) {
      spec.put("healthChecks", checked.stream().map(FluxEmitter::reference).toList());
    }
    spec.put("timeout", "5m0s");
    if (unit.hasSops()) {
      spec.put("decryption", Map.of("provider", "sops", "secretRef", Map.of("name", settings.decryptionSecret())));
    }
    Decl source = unit.decl() != null ? unit.decl() : cluster;
    return context.object(source, "kustomize.toolkit.fluxcd.io/v1", "Kustomization", unit.name(), NAMESPACE).put("spec", spec);
  }

  private static Map<String, Object> reference(KubeObject object) {
    return Tree.map("apiVersion", object.apiVersion(), "kind", object.kind(), "name", object.name(),
        "namespace", object.namespace());
  }
}
