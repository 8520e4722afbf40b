package dev.clusterc.compiler.emit.argocd;

import dev.clusterc.compiler.kube.KubeObject;
import java.util.List;

/**
 * What deploys a {@code gitops argocd} cluster: the objects the root Application syncs (one
 * Application per unit, and the repository declarations of OCI chart registries), the root
 * Application a user applies once, and the settings they were made from.
 *
 * @param apps the objects under {@link ArgoCdSettings#APPS_DIR}, repository declarations first, then
 *     the Applications in the units' apply order
 * @param root the root Application ("app of apps"), written to {@link ArgoCdSettings#ROOT_FILE}
 * @param settings the cluster's {@code gitops argocd} settings
 */
public record ArgoCdObjects(List<KubeObject> apps, KubeObject root, ArgoCdSettings settings) {
  public ArgoCdObjects {
    apps = List.copyOf(apps);
  }

  /** The Applications of the units, without the repository declarations. */
  public List<KubeObject> applications() {
    return apps.stream().filter(o -> o.kind().equals(ApplicationEmitter.KIND)).toList();
  }
}
