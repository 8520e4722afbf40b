package dev.clusterc.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class Ipv4PropertyTest {
  @Property
  void parsesWhatItPrints(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long bits) throws LiteralException {
    Ipv4 ip = new Ipv4(bits);
    assertEquals(ip, Ipv4.parse(ip.toString()));
  }

  @Property
  void ordersByBits(
      @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long a, @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long b) {
    assertEquals(Long.signum(Long.compare(a, b)), Integer.signum(new Ipv4(a).compareTo(new Ipv4(b))));
  }

  @Property
  void addsLikeNumbers(
      @ForAll @LongRange(min = 0, max = 0xFFFF_0000L) long bits, @ForAll @LongRange(min = 0, max = 0xFFFF) long offset) {
    Ipv4 ip = new Ipv4(bits);
    assertEquals(bits + offset, ip.plus(offset).bits());
    assertEquals(ip, ip.plus(offset).plus(-offset));
  }

  /** Any text either reads back as itself (there is one spelling per address) or fails with a message. */
  @Property
  void acceptsOnlyTheCanonicalSpelling(@ForAll("addressLike") String text) {
    try {
      assertEquals(text, Ipv4.parse(text).toString());
    } catch (LiteralException e) {
      assertTrue(text.isEmpty() || e.message().contains("`"), e.message());
    }
  }

  @Provide
  Arbitrary<String> addressLike() {
    return Arbitraries.strings().withChars("0123456789.x- ").ofMaxLength(20);
  }
}
