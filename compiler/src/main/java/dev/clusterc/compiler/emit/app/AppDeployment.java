package dev.clusterc.compiler.emit.app;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
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
 * ({@link AppPlacement}), and mount each volume through the claim named after it.
 */
final class AppDeployment {
  private AppDeployment() {}

  static Deployment of(Decl app, EmitContext context) {
    String namespace = context.namespaceOf(app);
    return new DeploymentBuilder()
        .withMetadata(context.meta(app, app.name(), namespace))
        .withNewSpec()
        .withReplicas(AppPlacement.replicas(app))
        .withNewSelector().withMatchLabels(AppEmitter.selector(app)).endSelector()
        .withNewStrategy().withType(recreates(app) ? "Recreate" : "RollingUpdate").endStrategy()
        .withNewTemplate()
        .withNewMetadata().withLabels(podLabels(app, context)).endMetadata()
        .withNewSpec()
        .withAffinity(AppPlacement.of(app))
        .withContainers(AppContainer.of(app, context))
        .withVolumes(volumes(app))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** Whether the app mounts a volume with {@code access rwo} (the default). */
  static boolean recreates(Decl app) {
    for (BoundEntry mount : app.body().all("mount")) {
      if (mount.ref("volume").map(v -> v.body().sym("access").orElse("rwo").equals("rwo")).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /** The object's labels with the selector's {@code app.kubernetes.io/instance} after the name. */
  private static Map<String, String> podLabels(Decl app, EmitContext context) {
    Map<String, String> labels = new LinkedHashMap<>(AppEmitter.selector(app));
    context.meta(app, app.name(), null).getLabels().forEach(labels::putIfAbsent);
    return labels;
  }

  /** One volume per mounted volume declaration, in order of first mount. */
  private static List<Volume> volumes(Decl app) {
    Set<Decl> seen = new LinkedHashSet<>();
    for (BoundEntry mount : app.body().all("mount")) {
      mount.ref("volume").ifPresent(seen::add);
    }
    List<Volume> volumes = new ArrayList<>();
    for (Decl volume : seen) {
      volumes.add(new VolumeBuilder().withName(volume.name())
          .withNewPersistentVolumeClaim().withClaimName(volume.name())
          .withReadOnly(AppContainer.readOnly(volume) ? Boolean.TRUE : null).endPersistentVolumeClaim()
          .build());
    }
    return volumes;
  }
}
