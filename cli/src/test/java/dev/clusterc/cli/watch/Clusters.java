package dev.clusterc.cli.watch;

import dev.clusterc.runtime.inventory.ApplySetParent;
import dev.clusterc.runtime.model.Kinds;
import io.fabric8.kubernetes.api.model.ConfigMap;
import dev.clusterc.testapiserver.TestCluster;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;

/** What the end-to-end tests of {@code apply --watch} read and change on the test cluster, as a user with kubectl would. */
final class Clusters {
  private Clusters() {}

  /** The revision recorded on the ApplySet parent of {@code name}, or {@code null}. */
  static String parentRevision(TestCluster cluster, String name) {
    ConfigMap parent = cluster.client().configMaps().inNamespace(ApplySetParent.NAMESPACE).withName("clusterc-" + name)
        .get();
    return parent == null || parent.getMetadata().getAnnotations() == null ? null
        : parent.getMetadata().getAnnotations().get(Kinds.REVISION);
  }

  /** The Events of {@code reason} on the parent of {@code name}. */
  static List<Event> events(TestCluster cluster, String name, String reason) {
    return cluster.client().v1().events().inNamespace(ApplySetParent.NAMESPACE).list().getItems().stream()
        .filter(e -> ("clusterc-" + name).equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason()))
        .toList();
  }

  /** The Deployment {@code app} in namespace {@code app}, as the compiler names an app's. */
  static Deployment deployment(TestCluster cluster, String app) {
    return cluster.client().apps().deployments().inNamespace(app).withName(app).get();
  }

  /** {@code kubectl scale deployment APP --replicas N}: a merge patch by field manager {@code kubectl-scale}. */
  static void scale(TestCluster cluster, String app, int replicas) {
    cluster.client().apps().deployments().inNamespace(app).withName(app).patch(
        new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).withFieldManager("kubectl-scale").build(),
        "{\"spec\": {\"replicas\": " + replicas + "}}");
  }
}
