package dev.clusterc.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CidrPropertyTest {
  @Provide
  Arbitrary<Cidr> cidrs() {
    Arbitrary<Ipv4> addresses = Arbitraries.longs().between(0, Ipv4.MAX_BITS).map(Ipv4::new);
    return Combinators.combine(addresses, Arbitraries.integers().between(0, 32)).as(Cidr::new);
  }

  @Property
  void theCanonicalFormIsCanonicalAndSpansFirstToLast(@ForAll("cidrs") Cidr cidr) {
    Cidr canonical = cidr.canonical();
    assertTrue(canonical.isCanonical());
    assertEquals(cidr.first(), canonical.address());
    assertTrue(canonical.contains(cidr.first()));
    assertTrue(canonical.contains(cidr.last()));
    assertTrue(cidr.first().compareTo(cidr.last()) <= 0);
    assertEquals(cidr.size(), cidr.last().bits() - cidr.first().bits() + 1);
  }

  @Property
  void containsTheAddressItIsWrittenWith(@ForAll("cidrs") Cidr cidr) {
    assertTrue(cidr.contains(cidr.address()));
    assertTrue(cidr.contains(cidr.canonical()));
    assertTrue(cidr.canonical().contains(cidr));
  }

  @Property
  void parsesWhatItPrints(@ForAll("cidrs") Cidr cidr) throws LiteralException {
    assertEquals(cidr, Cidr.parse(cidr.toString()));
  }

  @Property
  void overlapsIsSymmetricAndMeansASharedAddress(@ForAll("cidrs") Cidr a, @ForAll("cidrs") Cidr b) {
    assertEquals(a.overlaps(b), b.overlaps(a));
    boolean shared = a.contains(b.first()) || b.contains(a.first());
    assertEquals(shared, a.overlaps(b));
    if (a.contains(b)) {
      assertTrue(a.overlaps(b));
      assertTrue(a.size() >= b.size());
    }
  }

  @Property
  void agreesWithItsAddressRange(@ForAll("cidrs") Cidr cidr, @ForAll("cidrs") Cidr other) {
    AddressRange range = AddressRange.of(cidr);
    assertEquals(cidr.contains(other.address()), range.contains(other.address()));
    assertEquals(cidr.overlaps(other), range.overlaps(AddressRange.of(other)));
  }
}
