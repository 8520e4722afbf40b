package dev.clusterc.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiteralExceptionTest {
  @Test
  void carriesAMessageAndAHint() {
    LiteralException e = new LiteralException("octet `300` is out of range 0–255", "write a number 0–255");
    assertEquals("octet `300` is out of range 0–255", e.message());
    assertEquals(e.message(), e.getMessage());
    assertEquals("write a number 0–255", e.hint());
    assertEquals("octet `300` is out of range 0–255 (write a number 0–255)", e.toString());
  }

  @Test
  void mayHaveNoHint() {
    LiteralException e = new LiteralException("`x` is wrong");
    assertNull(e.hint());
    assertEquals("`x` is wrong", e.toString());
  }

  @Test
  void recordsNoStackTraceForAUsersMistake() {
    assertEquals(0, new LiteralException("`x` is wrong").getStackTrace().length);
  }

  @Test
  void needsAMessage() {
    assertThrows(NullPointerException.class, () -> new LiteralException(null, "hint"));
  }

  /** Every parser's messages quote what they complain about, so a user can find it in the line. */
  @Test
  void everyParserQuotesTheOffendingText() {
    List<LiteralException> errors = List.of(
        assertThrows(LiteralException.class, () -> Ipv4.parse("1.2.3")),
        assertThrows(LiteralException.class, () -> Cidr.parse("1.2.3.4/40")),
        assertThrows(LiteralException.class, () -> AddressRange.parse("1.2.3.9..1.2.3.1")),
        assertThrows(LiteralException.class, () -> Quantity.parse("5GB")),
        assertThrows(LiteralException.class, () -> Duration.parse("5w")),
        assertThrows(LiteralException.class, () -> Cron.parse("0 25 * * *")));
    for (LiteralException e : errors) {
      assertTrue(e.message().matches(".*`[^`]+`.*"), e.message());
      assertTrue(e.hint() == null || !e.hint().isBlank());
    }
  }
}
