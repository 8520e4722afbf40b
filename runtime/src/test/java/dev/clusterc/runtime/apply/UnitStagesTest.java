package dev.clusterc.runtime.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.testapiserver.Manifests;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitStagesTest {

  @Test
  void crdsNamespacesAndClassesComeFirstThenTheRestInTheUnitsOrder() {
    Unit unit = new Unit("u", "apps", null, Manifests.parse("""
        {apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: n}}
        ---
        {apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: fast}, provisioner: x}
        ---
        {apiVersion: example.dev/v1, kind: Widget, metadata: {name: w, namespace: n}}
        ---
        {apiVersion: v1, kind: Namespace, metadata: {name: n}}
        ---
        {apiVersion: apiextensions.k8s.io/v1, kind: CustomResourceDefinition, metadata: {name: widgets.example.dev}}
        ---
        {apiVersion: v1, kind: Service, metadata: {name: s, namespace: n}}
        """), List.of(), List.of());
    UnitStages stages = UnitStages.of(unit);
    assertEquals(List.of("CustomResourceDefinition", "Namespace", "StorageClass"),
        stages.first().stream().map(o -> o.getKind()).toList());
    assertEquals(List.of("ConfigMap", "Widget", "Service"), stages.rest().stream().map(o -> o.getKind()).toList());
  }

  @Test
  void aNamespacedKindEndingInClassIsNoPrerequisite() {
    assertEquals(3, UnitStages.rank(new ObjectId("example.dev", "TrainingClass", "ns", "x")));
    assertEquals(2, UnitStages.rank(new ObjectId("gateway.networking.k8s.io", "GatewayClass", null, "x")));
  }
}
