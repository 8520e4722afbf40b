package dev.clusterc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.types.Cidr;
import dev.clusterc.compiler.types.Ipv4;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoolTest {
  static final String POOLS = CheckFixture.BASE + """
      use cilium
      use metallb
      pool lb { range 10.0.0.100..10.0.0.149; range 10.0.0.160/28; via cilium }
      pool bgp { range 10.9.0.0/24; via metallb; announce bgp }
      """;

  @Test
  void rangesKeepWhetherTheyWereWrittenAsACidr() throws Exception {
    Pool lb = pool(CheckFixture.program(POOLS), "lb");
    assertEquals(2, lb.ranges().size());
    assertNull(lb.ranges().get(0).cidr());
    assertEquals(Ipv4.parse("10.0.0.149"), lb.ranges().get(0).addresses().last());
    assertEquals(Cidr.parse("10.0.0.160/28"), lb.ranges().get(1).cidr());
    assertEquals("range 10.0.0.160/28 of pool lb", lb.ranges().get(1).describe());
    assertTrue(lb.l2(), "announce defaults to l2");
    assertFalse(lb.viaMetallb());
    assertFalse(lb.rejectedRange());
  }

  @Test
  void theHoldingPoolIsTheFirstWhoseRangeContainsTheAddress() throws Exception {
    Program program = CheckFixture.program(POOLS);
    assertEquals(Optional.of("lb"), Pool.holding(program.model(), Ipv4.parse("10.0.0.170")).map(p -> p.decl().name()));
    assertEquals(Optional.of("bgp"), Pool.holding(program.model(), Ipv4.parse("10.9.0.7")).map(p -> p.decl().name()));
    assertEquals(Optional.empty(), Pool.holding(program.model(), Ipv4.parse("10.0.0.150")));
    Pool bgp = pool(program, "bgp");
    assertFalse(bgp.l2());
    assertTrue(bgp.viaMetallb());
  }

  @Test
  void nodesByRole() {
    Program program = CheckFixture.program(POOLS);
    assertEquals(List.of("w1", "w2"), Node.withRole(program.model(), Node.WORKER).stream().map(n -> n.decl().name()).toList());
    assertTrue(Node.withRole(program.model(), Node.CONTROL_PLANE).get(0).isControlPlane());
  }

  private static Pool pool(Program program, String name) {
    return Pool.of(program.model(), program.decls(Kind.POOL).stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow());
  }
}
