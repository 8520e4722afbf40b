package dev.clusterc.compiler.emit.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.emit.core.ObjectOrder;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.kube.YamlWriter;
import dev.clusterc.testapiserver.ServerSideApply;
import dev.clusterc.testapiserver.WithTestApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Longhorn and Velero backup objects of clusters no example has (an S3 Longhorn target, a Velero
 * policy), sent to a real kube-apiserver with every upstream CRD: Namespaces for real, the rest as
 * {@code dryRun=All}, as {@code ApiServerApplyTest} does for the examples.
 */
@WithTestApiServer
class BackupObjectsApplyTest {
  static KubernetesClient client;

  /** The clusters are deployed by Flux, whose cluster-wide settings live in flux-system. */
  @BeforeAll
  static void fluxNamespace() {
    ServerSideApply.apply(client, new NamespaceBuilder().withNewMetadata().withName("flux-system").endMetadata().build(), false);
  }

  @TestFactory
  Stream<DynamicTest> everyBackupObjectIsAccepted() {
    return Map.of("longhorn-s3", LonghornBackupTruthTest.S3, "velero", VeleroBackupTruthTest.VELERO,
            "longhorn-nfs", BackupEmitterTest.LONGHORN_NFS).entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
          List<KubeObject> objects = ObjectOrder.applyOrder(BackupTruth.compile(e.getValue()));
          assertTrue(objects.stream().anyMatch(o -> List.of("RecurringJob", "BackupTarget", "Schedule", "BackupStorageLocation")
              .contains(o.kind())), "no backup objects in " + e.getKey());
          List<String> rejected = new ArrayList<>();
          for (KubeObject object : objects) {
            try {
              ServerSideApply.applyYaml(client, YamlWriter.toYaml(object), !object.kind().equals("Namespace"));
            } catch (KubernetesClientException ex) {
              rejected.add(object.kind() + " " + object.name() + ": " + ex.getMessage());
            }
          }
          assertEquals(List.of(), rejected);
        }));
  }
}
