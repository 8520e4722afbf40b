package dev.clusterc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.types.Cidr;
import dev.clusterc.compiler.types.Ipv4;
import org.junit.jupiter.api.Test;

class NetworkPlanTest {
  @Test
  void podsAndServicesTakeTheSchemasDefaultsAtTheNetworkEntry() throws Exception {
    Cluster cluster = Cluster.of(CheckFixture.program(CheckFixture.BASE).model()).orElseThrow();
    NetworkPlan network = cluster.network();
    assertEquals(Cidr.parse("10.0.0.0/24"), network.nodes().orElseThrow().cidr());
    assertTrue(network.nodes().orElseThrow().written());
    NetworkPlan.Network pods = network.pods().orElseThrow();
    assertEquals(Cidr.parse("10.42.0.0/16"), pods.cidr());
    assertFalse(pods.written());
    assertEquals("network", pods.span().text());
    assertEquals("network.pods 10.42.0.0/16 (the default)", pods.describe());
    assertEquals(Cidr.parse("10.43.0.0/16"), network.services().orElseThrow().cidr());
    assertEquals(Ipv4.parse("10.0.0.1"), network.router());
    assertEquals("10.0.0.1", network.routerSpan().text());
    assertEquals("example.org", cluster.domain());
  }

  @Test
  void writtenNetworksAreTakenAsWrittenAndAMissingRouterIsNull() throws Exception {
    Cluster cluster = Cluster.of(CheckFixture.program("""
        cluster test {
          domain "example.org"
          network { nodes 10.0.0.0/24; pods 10.100.0.0/16; services 10.101.0.0/16 }
        }
        node cp { role control-plane; address 10.0.0.2 }
        """).model()).orElseThrow();
    assertEquals("network.pods 10.100.0.0/16", cluster.network().pods().orElseThrow().describe());
    assertEquals(Cidr.parse("10.101.0.0/16"), cluster.network().services().orElseThrow().cidr());
    assertNull(cluster.network().router());
  }
}
