package dev.clusterc.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CidrTest {
  private static Cidr cidr(String text) throws LiteralException {
    return Cidr.parse(text);
  }

  private static Ipv4 ip(String text) throws LiteralException {
    return Ipv4.parse(text);
  }

  private static LiteralException error(String text) {
    return assertThrows(LiteralException.class, () -> Cidr.parse(text));
  }

  @Test
  void readsAddressAndPrefix() throws LiteralException {
    Cidr net = cidr("10.42.0.0/16");
    assertEquals(ip("10.42.0.0"), net.address());
    assertEquals(16, net.prefix());
    assertEquals("10.42.0.0/16", net.toString());
  }

  @Test
  void keepsHostBitsForTheCheckerToReport() throws LiteralException {
    Cidr net = cidr("10.0.0.7/24");
    assertEquals("10.0.0.7/24", net.toString());
    assertFalse(net.isCanonical());
    assertEquals(cidr("10.0.0.0/24"), net.canonical());
    assertTrue(net.canonical().isCanonical());
    assertEquals(ip("10.0.0.0"), net.first());
    assertEquals(ip("10.0.0.255"), net.last());
  }

  @Test
  void aCanonicalNetworkIsItsOwnCanonicalForm() throws LiteralException {
    Cidr net = cidr("192.168.0.0/16");
    assertTrue(net.isCanonical());
    assertSame(net, net.canonical());
  }

  @Test
  void measuresTheEdgePrefixes() throws LiteralException {
    Cidr everything = cidr("1.2.3.4/0");
    assertEquals(1L << 32, everything.size());
    assertEquals(ip("0.0.0.0"), everything.first());
    assertEquals(ip("255.255.255.255"), everything.last());
    assertEquals(0, everything.mask());

    Cidr host = cidr("10.0.0.5/32");
    assertEquals(1, host.size());
    assertTrue(host.isCanonical());
    assertEquals(host.first(), host.last());
    assertEquals(Ipv4.MAX_BITS, host.mask());

    Cidr pair = cidr("10.0.0.4/31");
    assertEquals(2, pair.size());
    assertEquals(ip("10.0.0.5"), pair.last());
  }

  @Test
  void containsAddressesInsideTheNetworkOnly() throws LiteralException {
    Cidr net = cidr("10.0.0.0/24");
    assertTrue(net.contains(ip("10.0.0.0")));
    assertTrue(net.contains(ip("10.0.0.255")));
    assertFalse(net.contains(ip("10.0.1.0")));
    assertFalse(net.contains(ip("9.255.255.255")));
    assertTrue(cidr("10.0.0.9/24").contains(ip("10.0.0.200")));
  }

  @Test
  void containsAndOverlapsNetworks() throws LiteralException {
    Cidr wide = cidr("10.0.0.0/16");
    Cidr narrow = cidr("10.0.5.0/24");
    Cidr apart = cidr("10.1.0.0/16");
    assertTrue(wide.contains(narrow));
    assertFalse(narrow.contains(wide));
    assertTrue(wide.contains(wide));
    assertTrue(wide.overlaps(narrow));
    assertTrue(narrow.overlaps(wide));
    assertFalse(wide.overlaps(apart));
    assertFalse(cidr("10.0.0.0/25").overlaps(cidr("10.0.0.128/25")));
    assertTrue(cidr("0.0.0.0/0").contains(apart));
  }

  @Test
  void saysWhenThePrefixIsMissing() {
    LiteralException e = error("10.0.0.0");
    assertEquals("`10.0.0.0` has no prefix length", e.message());
    assertEquals("add one after a slash, such as `10.0.0.0/24`, or `10.0.0.0/32` for a single address", e.hint());
    assertEquals("`10.0.0.0/` has no prefix length after the `/`", error("10.0.0.0/").message());
  }

  @Test
  void namesTheWrongPrefixLength() {
    LiteralException e = error("10.0.0.0/33");
    assertEquals("prefix length `33` is out of range 0–32", e.message());
    assertNull(e.hint());
    assertEquals("prefix length `100` is out of range 0–32", error("10.0.0.0/100").message());
    assertEquals("prefix length `x` is not a number", error("10.0.0.0/x").message());
    assertEquals("prefix length `-1` is not a number", error("10.0.0.0/-1").message());
    LiteralException zero = error("10.0.0.0/08");
    assertEquals("prefix length `08` has a leading zero", zero.message());
    assertEquals("write `/8`", zero.hint());
  }

  @Test
  void rejectsASecondSlash() {
    assertEquals("`10.0.0.0/8/8` has more than one `/`", error("10.0.0.0/8/8").message());
  }

  @Test
  void reportsTheAddressProblemInTheAddressPart() {
    assertEquals("`10.0.0` has 3 parts; an IPv4 address has 4", error("10.0.0/24").message());
    assertEquals("octet `256` is out of range 0–255", error("10.0.0.256/24").message());
    assertEquals("expected an IPv4 address, found nothing", error("/24").message());
  }

  @Test
  void rejectsImpossiblePrefixesWhenBuilt() throws LiteralException {
    Ipv4 zero = ip("0.0.0.0");
    assertThrows(IllegalArgumentException.class, () -> new Cidr(zero, 33));
    assertThrows(IllegalArgumentException.class, () -> new Cidr(zero, -1));
    assertThrows(NullPointerException.class, () -> new Cidr(null, 8));
  }
}
