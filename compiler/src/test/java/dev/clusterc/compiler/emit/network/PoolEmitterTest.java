package dev.clusterc.compiler.emit.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.emit.PlatformEmitFixture;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.types.Ipv4;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PoolEmitterTest {
  @Test
  void ciliumL2IsAnIpPoolAndAnAnnouncementFromTheWorkers() {
    Snippets.assertMatches("network/PoolEmitterTest-ciliumL2IsAnIpPoolAndAnAnnouncementFromTheWorkers",
        PlatformEmitFixture.homelab().yaml("lb"));
  }

  @Test
  void ciliumCidrIsACidrBlockAndBgpAnnouncesNothingItself() {
    Snippets.assertMatches("network/PoolEmitterTest-ciliumCidrIsACidrBlockAndBgpAnnouncesNothingItself",
        PlatformEmitFixture.emit(PlatformEmitFixture.program(CILIUMBGP)).yaml("lb"));
  }

  @Test
  void withoutWorkersEveryNodeAnnounces() {
    Program program = dev.clusterc.compiler.CheckFixture.program(SINGLE);
    Snippets.assertMatches("network/PoolEmitterTest-withoutWorkersEveryNodeAnnounces",
        PlatformEmitFixture.emit(program).yaml("lb"));
  }

  @Test
  void metallbL2IsAnAddressPoolAndAnAdvertisementInMetallbsNamespace() {
    Snippets.assertMatches("network/PoolEmitterTest-metallbL2IsAnAddressPoolAndAnAdvertisementInMetallbsNamespace",
        PlatformEmitFixture.emit(PlatformEmitFixture.program(METALLB)).yaml("lb"));
  }

  @Test
  void metallbBgpIsTheAddressPoolAlone() {
    Snippets.assertMatches("network/PoolEmitterTest-metallbBgpIsTheAddressPoolAlone",
        PlatformEmitFixture.emit(PlatformEmitFixture.program(METALLBBGP)).yaml("lb"));
  }

  @Test
  void pinningNamesTheAnnotationOfThePoolHoldingTheAddress() throws Exception {
    Program cilium = PlatformEmitFixture.program(CILIUMBGP);
    assertEquals(Map.of("lbipam.cilium.io/ips", "10.0.0.200"), PoolEmitter.pinning(cilium, Ipv4.parse("10.0.0.200")));
    assertEquals(Map.of(), PoolEmitter.pinning(cilium, Ipv4.parse("10.0.0.20")));
    Program metallb = PlatformEmitFixture.program(METALLB);
    assertEquals(Map.of("metallb.universe.tf/loadBalancerIPs", "10.0.0.200"), PoolEmitter.pinning(metallb, Ipv4.parse("10.0.0.200")));
    assertEquals(Optional.of("metallb"), PoolEmitter.providerOf(metallb, Ipv4.parse("10.0.0.120")));
    assertEquals(Optional.empty(), PoolEmitter.providerOf(metallb, Ipv4.parse("10.0.0.160")));
  }

  @TestFactory
  Stream<DynamicTest> examples() {
    return PlatformEmitFixture.examples(Kind.POOL);
  }

  static final String CILIUMBGP = """
      use cilium
      pool lb { range 10.0.0.128/25; announce bgp; via cilium }
      """;

  static final String SINGLE = """
      cluster solo {
        domain "example.org"
        network { nodes 10.0.0.0/24 }
      }
      node only { role control-plane; address 10.0.0.2 }
      use cilium
      pool lb { range 10.0.0.100..10.0.0.110; via cilium }
      """;

  static final String METALLB = """
      use metallb
      pool lb {
        range 10.0.0.100..10.0.0.150
        range 10.0.0.192/27
        via   metallb
      }
      """;

  static final String METALLBBGP = """
      use metallb
      pool lb { range 10.0.0.160/28; announce bgp; via metallb }
      """;
}
