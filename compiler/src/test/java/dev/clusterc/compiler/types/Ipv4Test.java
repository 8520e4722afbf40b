package dev.clusterc.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4Test {
  private static LiteralException error(String text) {
    return assertThrows(LiteralException.class, () -> Ipv4.parse(text));
  }

  @Test
  void readsTheFourOctetsIntoThirtyTwoBits() throws LiteralException {
    assertEquals(0x0A00_0001L, Ipv4.parse("10.0.0.1").bits());
    assertEquals(0L, Ipv4.parse("0.0.0.0").bits());
    assertEquals(Ipv4.MAX_BITS, Ipv4.parse("255.255.255.255").bits());
    assertEquals(0xC0A8_01FEL, Ipv4.parse("192.168.1.254").bits());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "10.0.0.1", "172.16.254.3", "255.255.255.255", "1.20.100.200"})
  void printsWhatItReads(String text) throws LiteralException {
    assertEquals(text, Ipv4.parse(text).toString());
  }

  @Test
  void namesTheNumberOfPartsWhenThereAreNotFour() {
    LiteralException e = error("10.0.50");
    assertEquals("`10.0.50` has 3 parts; an IPv4 address has 4", e.message());
    assertEquals("write four octets 0–255 separated by dots, such as `10.0.0.1`", e.hint());
    assertEquals("`1.2.3.4.5` has 5 parts; an IPv4 address has 4", error("1.2.3.4.5").message());
    assertEquals("`10` has 1 part; an IPv4 address has 4", error("10").message());
  }

  @Test
  void namesTheOctetThatIsOutOfRange() {
    LiteralException e = error("10.0.0.300");
    assertEquals("octet `300` is out of range 0–255", e.message());
    assertNull(e.hint());
    assertEquals("octet `256` is out of range 0–255", error("256.0.0.0").message());
    assertEquals("octet `99999999999` is out of range 0–255", error("1.99999999999.0.0").message());
  }

  @Test
  void rejectsLeadingZerosAsAmbiguous() {
    LiteralException e = error("10.0.010.1");
    assertEquals("octet `010` has a leading zero", e.message());
    assertEquals("write `10`; a leading zero means octal to some tools, so `010` is ambiguous", e.hint());
    assertTrue(error("00.1.2.3").hint().startsWith("write `0`;"));
    assertTrue(error("1.2.3.0300").hint().startsWith("write `300`;"));
  }

  @Test
  void namesTheEmptyOctet() {
    assertEquals("octet 2 of `10..0.1` is empty", error("10..0.1").message());
    assertEquals("octet 4 of `1.2.3.` is empty", error("1.2.3.").message());
    assertEquals("octet 1 of `.1.2.3` is empty", error(".1.2.3").message());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a.b.c.d|a",
      "1.2.3.-4|-4",
      "1.2.3.+4|+4",
      "1.2.3.0x1|0x1",
      "'1.2.3.4 '|'4 '",
      "1.2.3.１|１",
  })
  void rejectsOctetsThatAreNotDecimalNumbers(String text, String octet) {
    assertEquals("octet `" + octet + "` of `" + text + "` is not a decimal number", error(text).message());
  }

  @Test
  void rejectsEmptyText() {
    assertEquals("expected an IPv4 address, found nothing", error("").message());
  }

  @Test
  void buildsFromOctetsAndReadsThemBack() throws LiteralException {
    Ipv4 ip = Ipv4.of(192, 168, 0, 10);
    assertEquals(Ipv4.parse("192.168.0.10"), ip);
    assertEquals(192, ip.octet(0));
    assertEquals(10, ip.octet(3));
    assertThrows(IllegalArgumentException.class, () -> Ipv4.of(256, 0, 0, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> ip.octet(4));
  }

  @Test
  void stepsForwardAndBackAcrossOctets() throws LiteralException {
    assertEquals(Ipv4.parse("10.0.1.0"), Ipv4.parse("10.0.0.255").next());
    assertEquals(Ipv4.parse("10.0.1.4"), Ipv4.parse("10.0.0.250").plus(10));
    assertEquals(Ipv4.parse("9.255.255.255"), Ipv4.parse("10.0.0.0").plus(-1));
  }

  @Test
  void refusesToLeaveTheAddressSpace() throws LiteralException {
    Ipv4 top = Ipv4.parse("255.255.255.255");
    assertThrows(ArithmeticException.class, top::next);
    assertThrows(ArithmeticException.class, () -> Ipv4.parse("0.0.0.0").plus(-1));
    assertThrows(ArithmeticException.class, () -> top.plus(Long.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> new Ipv4(-1));
    assertThrows(IllegalArgumentException.class, () -> new Ipv4(Ipv4.MAX_BITS + 1));
  }

  @Test
  void ordersNumericallyNotAlphabetically() throws LiteralException {
    Ipv4 nine = Ipv4.parse("10.0.0.9");
    Ipv4 ten = Ipv4.parse("10.0.0.10");
    assertTrue(nine.compareTo(ten) < 0);
    assertTrue(nine.isBefore(ten));
    assertTrue(Ipv4.parse("128.0.0.0").compareTo(Ipv4.parse("127.255.255.255")) > 0);
    assertEquals(0, ten.compareTo(Ipv4.parse("10.0.0.10")));
  }
}
