package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.emit.core.ObjectOrder;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.YamlWriter;
import dev.clusterc.testapiserver.ServerSideApply;
import dev.clusterc.testapiserver.WithTestApiServer;
import dev.clusterc.compiler.kube.KubeObject;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every object of every example, sent to a real kube-apiserver that knows every upstream CRD, with
 * server-side apply: Namespaces for real (others need them to exist), everything else as
 * {@code dryRun=All}, which still runs schema validation, defaulting and admission.
 */
@WithTestApiServer
class ApiServerApplyTest {
  static KubernetesClient client;

  @BeforeAll
  static void fluxNamespace() {
    ServerSideApply.apply(client, new NamespaceBuilder().withNewMetadata().withName("flux-system").endMetadata().build(), false);
    ServerSideApply.apply(client, new NamespaceBuilder().withNewMetadata().withName("argocd").endMetadata().build(), false);
  }

  @TestFactory
  Stream<DynamicTest> everyObjectIsAccepted() {
    return Examples.compilable().stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
      Compilation compilation = Examples.compile(example);
      List<String> rejected = new ArrayList<>();
      int applied = 0;
      for (Unit unit : compilation.units()) {
        for (KubeObject object : ObjectOrder.applyOrder(unit.objects())) {
          applied += apply(object, unit.name(), rejected);
        }
      }
      for (KubeObject object : compilation.flux()) {
        applied += apply(object, "flux", rejected);
      }
      if (compilation.argocd() != null) {
        for (KubeObject object : compilation.argocd().apps()) {
          applied += apply(object, "argocd", rejected);
        }
        applied += apply(compilation.argocd().root(), "argocd", rejected);
      }
      assertEquals(List.of(), rejected, example + ": objects the API server rejected");
      assertTrue(applied > 0, "something was applied for " + example);
    }));
  }

  private static int apply(KubeObject object, String unit, List<String> rejected) {
    boolean forReal = object.kind().equals("Namespace") || object.kind().equals("CustomResourceDefinition");
    try {
      ServerSideApply.applyYaml(client, YamlWriter.toYaml(object), !forReal);
      return 1;
    } catch (KubernetesClientException e) {
      rejected.add(unit + ": " + object.kind() + " " + object.name() + ": " + e.getMessage());
      return 0;
    }
  }

}
