package dev.clusterc.compiler.emit.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.kube.YamlWriter;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class VipEmitterTest {
  @Test
  void kubeVipIsADaemonSetWithItsServiceAccountAndRbacInKubeSystem() {
    Snippets.assertMatches("network/VipEmitterTest-kubeVipIsADaemonSetWithItsServiceAccountAndRbacInKubeSystem",
        PlatformEmitFixture.homelab().yaml("api"));
  }

  @Test
  void onNodesPlacesKubeVipByHostnameAndInterfaceIsEnvironment() {
    Program program = PlatformEmitFixture.program("vip api { address 10.0.0.50; on [cp, w1]; interface \"eth0\" }\n");
    Unit unit = PlatformEmitFixture.emit(program).unit("api");
    assertEquals(4, unit.objects().size());
    String daemonSet = YamlWriter.toYaml(unit.objects().get(3));
    Snippets.assertMatches("network/VipEmitterTest-onNodesPlacesKubeVipByHostnameAndInterfaceIsEnvironment",
        daemonSet);
  }

  @Test
  void talosEmitsNoKubernetesObjectButAPatchForTheControlPlanes() {
    Program program = PlatformEmitFixture.program("vip api { address 10.0.0.50; via talos }\n");
    assertTrue(PlatformEmitFixture.emit(program).unit("api").isEmpty());
    Map<String, String> patches = VipEmitter.talosPatches(program);
    assertEquals(Set.of("patches/controller/vip-api.yaml"), patches.keySet());
    Snippets.assertMatches("network/VipEmitterTest-talosEmitsNoKubernetesObjectButAPatchForTheControlPlanes",
        patches.get("patches/controller/vip-api.yaml"));
  }

  @Test
  void talosOnNodesWritesOnePatchPerNodeOnTheNamedInterface() {
    Program program = PlatformEmitFixture.program("vip api { address 10.0.0.50; on [cp]; via talos; interface \"eth0\" }\n");
    Map<String, String> patches = VipEmitter.talosPatches(program);
    assertEquals(Set.of("patches/nodes/cp/vip-api.yaml"), patches.keySet());
    Snippets.assertMatches("network/VipEmitterTest-talosOnNodesWritesOnePatchPerNodeOnTheNamedInterface",
        patches.get("patches/nodes/cp/vip-api.yaml"));
  }

  @Test
  void kubeVipHasNoTalosPatch() {
    assertEquals(Map.of(), VipEmitter.talosPatches(PlatformEmitFixture.program(PlatformEmitFixture.HOMELAB)));
  }

  @TestFactory
  Stream<DynamicTest> examples() {
    return PlatformEmitFixture.examples(Kind.VIP);
  }
}
