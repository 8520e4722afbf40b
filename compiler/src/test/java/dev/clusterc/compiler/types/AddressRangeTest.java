package dev.clusterc.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressRangeTest {
  private static AddressRange range(String text) throws LiteralException {
    return AddressRange.parse(text);
  }

  private static Ipv4 ip(String text) throws LiteralException {
    return Ipv4.parse(text);
  }

  private static LiteralException error(String text) {
    return assertThrows(LiteralException.class, () -> AddressRange.parse(text));
  }

  @Test
  void readsBothEnds() throws LiteralException {
    AddressRange pool = range("10.0.0.200..10.0.0.250");
    assertEquals(ip("10.0.0.200"), pool.first());
    assertEquals(ip("10.0.0.250"), pool.last());
    assertEquals(51, pool.size());
    assertEquals("10.0.0.200..10.0.0.250", pool.toString());
  }

  @Test
  void aRangeOfOneAddressHasBothEndsEqual() throws LiteralException {
    AddressRange one = range("10.0.0.1..10.0.0.1");
    assertEquals(1, one.size());
    assertTrue(one.contains(ip("10.0.0.1")));
  }

  @Test
  void needNotBeAlignedToANetwork() throws LiteralException {
    assertEquals(3, range("10.0.0.255..10.0.1.1").size());
    assertEquals(1L << 32, range("0.0.0.0..255.255.255.255").size());
  }

  @Test
  void containsItsEndsAndWhatLiesBetween() throws LiteralException {
    AddressRange pool = range("10.0.0.200..10.0.0.250");
    assertTrue(pool.contains(ip("10.0.0.200")));
    assertTrue(pool.contains(ip("10.0.0.225")));
    assertTrue(pool.contains(ip("10.0.0.250")));
    assertFalse(pool.contains(ip("10.0.0.199")));
    assertFalse(pool.contains(ip("10.0.0.251")));
    assertTrue(pool.contains(range("10.0.0.210..10.0.0.220")));
    assertFalse(pool.contains(range("10.0.0.240..10.0.1.0")));
  }

  @Test
  void overlapsWhenTheyShareAnAddress() throws LiteralException {
    AddressRange pool = range("10.0.0.200..10.0.0.250");
    assertTrue(pool.overlaps(range("10.0.0.250..10.0.0.255")));
    assertTrue(pool.overlaps(range("10.0.0.0..10.0.0.200")));
    assertTrue(pool.overlaps(range("10.0.0.0..10.0.1.0")));
    assertFalse(pool.overlaps(range("10.0.0.251..10.0.0.255")));
    assertFalse(pool.overlaps(range("10.0.0.0..10.0.0.199")));
  }

  @Test
  void coversANetworkFromItsFirstToItsLastAddress() throws LiteralException {
    AddressRange net = AddressRange.of(Cidr.parse("10.0.0.7/24"));
    assertEquals(range("10.0.0.0..10.0.0.255"), net);
    assertEquals(256, net.size());
  }

  @Test
  void saysWhichWayABackwardsRangeShouldGo() {
    LiteralException e = error("10.0.0.9..10.0.0.1");
    assertEquals("the range `10.0.0.9..10.0.0.1` is backwards: `10.0.0.9` comes after `10.0.0.1`", e.message());
    assertEquals("write `10.0.0.1..10.0.0.9`", e.hint());
  }

  @Test
  void suggestsTheSeparatorWhenADashIsUsed() {
    LiteralException e = error("10.0.0.1-10.0.0.9");
    assertEquals("`10.0.0.1-10.0.0.9` is not an address range", e.message());
    assertEquals("separate the two addresses with `..`: `10.0.0.1..10.0.0.9`", e.hint());
    assertEquals("write the first and the last address separated by `..`, such as `10.0.0.200..10.0.0.250`",
        error("10.0.0.1").hint());
  }

  @Test
  void namesTheMissingEnd() {
    assertEquals("`10.0.0.1..` is missing its last address", error("10.0.0.1..").message());
    assertEquals("`..10.0.0.1` is missing its first address", error("..10.0.0.1").message());
    assertEquals("`1.1.1.1..2.2.2.2..3.3.3.3` has more than one `..`", error("1.1.1.1..2.2.2.2..3.3.3.3").message());
  }

  @Test
  void reportsAMalformedEnd() {
    assertEquals("octet `300` is out of range 0–255", error("10.0.0.1..10.0.0.300").message());
    assertEquals("`10.0.0` has 3 parts; an IPv4 address has 4", error("10.0.0..10.0.0.9").message());
  }

  @Test
  void cannotBeBuiltBackwards() throws LiteralException {
    Ipv4 low = ip("10.0.0.1");
    Ipv4 high = ip("10.0.0.2");
    assertThrows(IllegalArgumentException.class, () -> new AddressRange(high, low));
  }
}
