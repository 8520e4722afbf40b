package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.program.Decl;
import dev.clusterc.compiler.program.Program;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * With {@code gitops flux}: the GitRepository the cluster is read from and one Kustomization per
 * unit, whose {@code dependsOn} are the unit's reduced dependencies. Health is gated by
 * {@code wait: true}, or, in a unit with a PersistentVolumeClaim, by {@code healthChecks} on its
 * other objects (never both): a claim of a {@code WaitForFirstConsumer} class stays {@code Pending}
 * until a pod mounts it, and that pod's unit waits for this one, so waiting for the claim would
 * never end. A unit holding only claims is not gated. Units with SOPS files get
 * {@code decryption}.
 */
final class FluxEmitter {
  static final String NAMESPACE = "flux-system";
  static final String SOPS_KEY_SECRET = "sops-age";

  private FluxEmitter() {}

  static List<HasMetadata> emit(Program program, EmitContext context, List<Unit> units) {
    Decl cluster = program.cluster().orElseThrow();
    BoundBlock gitops = cluster.body().first("gitops").map(e -> e.block()).orElse(null);
    if (gitops == null) {
      return List.of();
    }
    String interval = gitops.typed("interval", Typed.Dur.class).map(d -> d.value().toGoString()).orElse("10m0s");
    String path = Compilation.treePath(program);
    List<HasMetadata> objects = new ArrayList<>();
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("interval", interval);
    source.put("url", gitops.str("repository").orElse(""));
    source.put("ref", Map.of("branch", gitops.str("branch").orElse("main")));
    objects.add(context.resource("source.toolkit.fluxcd.io/v1", "GitRepository",
        context.meta(cluster, cluster.name(), NAMESPACE), source));
    for (Unit unit : units) {
      objects.add(kustomization(context, cluster, unit, interval, path));
    }
    return objects;
  }

  private static HasMetadata kustomization(EmitContext context, Decl cluster, Unit unit, String interval, String path) {
    Map<String, Object> spec = new LinkedHashMap<>();
    if (!unit.dependsOn().isEmpty()) {
      spec.put("dependsOn", unit.dependsOn().stream().map(d -> Map.of("name", d)).toList());
    }
    spec.put("interval", interval);
    spec.put("path", "./" + path + "/" + unit.layer() + "/" + unit.name());
    spec.put("prune", true);
    spec.put("sourceRef", Map.of("kind", "GitRepository", "name", cluster.name()));
    List<HasMetadata> objects = ObjectOrder.applyOrder(unit.objects());
    List<HasMetadata> checked = objects.stream().filter(o -> !o.getKind().equals("PersistentVolumeClaim")).toList();
    if (checked.size() == objects.size()) {
      spec.put("wait", true);
    } else if (!checked.isEmpty()) {
      spec.put("healthChecks", checked.stream().map(FluxEmitter::reference).toList());
    }
    spec.put("timeout", "5m0s");
    if (unit.hasSops()) {
      spec.put("decryption", Map.of("provider", "sops", "secretRef", Map.of("name", SOPS_KEY_SECRET)));
    }
    Decl source = unit.decl() != null ? unit.decl() : cluster;
    return context.resource("kustomize.toolkit.fluxcd.io/v1", "Kustomization", context.meta(source, unit.name(), NAMESPACE), spec);
  }

  private static Map<String, Object> reference(HasMetadata object) {
    Map<String, Object> reference = new LinkedHashMap<>();
    reference.put("apiVersion", object.getApiVersion());
    reference.put("kind", object.getKind());
    reference.put("name", object.getMetadata().getName());
    if (object.getMetadata().getNamespace() != null) {
      reference.put("namespace", object.getMetadata().getNamespace());
    }
    return reference;
  }
}
