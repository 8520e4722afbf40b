package dev.clusterc.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class AddressRangePropertyTest {
  /** Ranges within a small block, so that pairs of them often overlap. */
  @Provide
  Arbitrary<AddressRange> ranges() {
    Arbitrary<Long> bits = Arbitraries.longs().between(0x0A00_0000L, 0x0A00_0400L);
    return Combinators.combine(bits, bits)
        .as((a, b) -> new AddressRange(new Ipv4(Math.min(a, b)), new Ipv4(Math.max(a, b))));
  }

  @Property
  void aNetworkRangeHasTwoToTheHostBitsAddresses(
      @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long bits, @ForAll @IntRange(min = 0, max = 32) int prefix) {
    Cidr cidr = new Cidr(new Ipv4(bits), prefix);
    AddressRange range = AddressRange.of(cidr);
    assertEquals(1L << (32 - prefix), range.size());
    assertEquals(cidr.size(), range.size());
  }

  @Property
  void overlapsIsSymmetric(@ForAll("ranges") AddressRange a, @ForAll("ranges") AddressRange b) {
    assertEquals(a.overlaps(b), b.overlaps(a));
  }

  @Property
  void overlapsExactlyWhenOneContainsTheOthersFirstAddress(@ForAll("ranges") AddressRange a, @ForAll("ranges") AddressRange b) {
    assertEquals(a.contains(b.first()) || b.contains(a.first()), a.overlaps(b));
    if (a.contains(b)) {
      assertTrue(a.overlaps(b));
    }
  }

  @Property
  void parsesWhatItPrints(@ForAll("ranges") AddressRange range) throws LiteralException {
    assertEquals(range, AddressRange.parse(range.toString()));
  }

  @Property
  void containsExactlyItsSizeManyAddresses(@ForAll("ranges") AddressRange range) {
    assertTrue(range.contains(range.first()));
    assertTrue(range.contains(range.last()));
    assertEquals(range.size() > 1, range.contains(range.first().next()));
    if (range.first().bits() > 0) {
      assertTrue(!range.contains(range.first().plus(-1)));
    }
    assertTrue(!range.contains(range.last().next()));
  }
}
