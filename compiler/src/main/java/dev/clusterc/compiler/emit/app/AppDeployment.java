package dev.clusterc.compiler.emit.app;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppMount;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An app's Deployment. Its strategy is {@code Recreate} when it mounts a read-write-once volume
 * (the old pod must let go of the volume before the new one can attach it), else
 * {@code RollingUpdate}; its pods carry the selector labels and their placement
 * ({@link AppPlacement}), run as the app's ServiceAccount when it has {@code access}
 * ({@link AppServiceAccount}), and mount each volume through the claim named after it and the
 * configs through their ConfigMap ({@link AppConfigMap}).
 */
final class AppDeployment {
  private AppDeployment() {}

  static KubeObject of(App app, EmitContext context) {
    Decl decl = app.decl();
    KubeObject deployment = context.object(decl, "apps/v1", "Deployment", decl.name(), app.namespace());
    deployment.put("spec", map(
        "replicas", app.replicas(),
        "selector", map("matchLabels", AppEmitter.selector(app)),
        "strategy", map("type", recreates(app, context.program().model()) ? "Recreate" : "RollingUpdate"),
        "template", map(
            "metadata", map("labels", podLabels(app, deployment)),
            "spec", map(
                "serviceAccountName", AppServiceAccount.accountName(app),
                "affinity", AppPlacement.of(app, context.program().model()),
                "containers", list(AppContainer.of(app, context)),
                "volumes", volumes(app, context)))));
    return deployment;
  }

  /** Whether the app mounts a volume with {@code access rwo} (the default). */
  static boolean recreates(App app, ClusterModel model) {
    return app.mounts().stream().map(AppMount::target)
        .anyMatch(v -> v != null && Volume.of(model, v).access() == Volume.Access.RWO);
  }

  /** Whether a volume is mounted read-only: {@code access rox}. */
  static boolean readOnly(ClusterModel model, Decl volume) {
    return Volume.of(model, volume).access() == Volume.Access.ROX;
  }

  /** The Deployment's own labels with the selector's {@code app.kubernetes.io/instance} added. */
  private static Map<String, String> podLabels(App app, KubeObject deployment) {
    Map<String, String> labels = new LinkedHashMap<>(AppEmitter.selector(app));
    deployment.labels().forEach(labels::putIfAbsent);
    return labels;
  }

  /**
   * One volume per mounted volume declaration, in order of first mount, then the ConfigMap of the
   * app's configs ({@link AppConfigMap}); {@code null} when none.
   */
  private static List<Object> volumes(App app, EmitContext context) {
    ClusterModel model = context.program().model();
    Set<Decl> seen = new LinkedHashSet<>();
    for (AppMount mount : app.mounts()) {
      if (mount.target() != null) {
        seen.add(mount.target());
      }
    }
    List<Object> volumes = new ArrayList<>();
    for (Decl volume : seen) {
      volumes.add(map("name", volume.name(), "persistentVolumeClaim",
          map("claimName", volume.name(), "readOnly", readOnly(model, volume) ? Boolean.TRUE : null)));
    }
    Map<String, Object> config = AppConfigMap.volume(app, context.program().files());
    if (config != null) {
      volumes.add(config);
    }
    return volumes.isEmpty() ? null : volumes;
  }
}
