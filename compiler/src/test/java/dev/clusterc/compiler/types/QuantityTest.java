package dev.clusterc.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTest {
  private static LiteralException error(String text) {
    return assertThrows(LiteralException.class, () -> Quantity.parse(text));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
      "5Gi, 5368709120",
      "100m, 0.1",
      "1, 1",
      "0, 0",
      "512Mi, 536870912",
      "1Ki, 1024",
      "1Ti, 1099511627776",
      "1Pi, 1125899906842624",
      "1Ei, 1152921504606846976",
      "1.5Gi, 1610612736",
      "0.5Ki, 512",
      "1n, 0.000000001",
      "1u, 0.000001",
      "250m, 0.25",
      "1k, 1000",
      "1M, 1000000",
      "2G, 2000000000",
      "1T, 1000000000000",
      "1P, 1000000000000000",
      "1E, 1000000000000000000",
      "1e3, 1000",
      "1E3, 1000",
      "1e-2, 0.01",
      "1.5e+2, 150",
      "2.5, 2.5",
      ".5, 0.5",
      "5., 5",
      "-1, -1",
      "+1.5k, 1500",
      "-.5Mi, -524288",
      "0.100, 0.1",
      "007, 7",
  })
  void readsTheValueInBaseUnits(String text, String value) throws LiteralException {
    Quantity quantity = Quantity.parse(text);
    assertEquals(new BigDecimal(value), quantity.value());
    assertEquals(text, quantity.toString());
    assertEquals(text, quantity.text());
  }

  @Test
  void comparesByValueButEqualsByText() throws LiteralException {
    Quantity kibi = Quantity.parse("1Ki");
    Quantity bytes = Quantity.parse("1024");
    assertEquals(0, kibi.compareTo(bytes));
    assertNotEquals(kibi, bytes);
    assertEquals(kibi, Quantity.parse("1Ki"));
    assertTrue(Quantity.parse("1Gi").compareTo(Quantity.parse("1G")) > 0);
    assertTrue(Quantity.parse("999m").compareTo(Quantity.parse("1")) < 0);
  }

  @Test
  void tellsWholeAmountsAndSigns() throws LiteralException {
    assertTrue(Quantity.parse("2k").isWhole());
    assertFalse(Quantity.parse("1500m").isWhole());
    assertTrue(Quantity.parse("2000m").isWhole());
    assertEquals(-1, Quantity.parse("-1m").signum());
    assertEquals(0, Quantity.parse("0Gi").signum());
  }

  @Test
  void aNumberOfManyDigitsIsRefusedBeforeAnyArithmetic() throws LiteralException {
    String huge = "1." + "0".repeat(200_000) + "1Mi";
    LiteralException e = assertThrows(LiteralException.class,
        () -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> Quantity.parse(huge)));
    assertEquals("the number in `1." + "0".repeat(28) + "…" + "0".repeat(17) + "1Mi` has 200002 digits; a quantity has at most 40",
        e.message());
    assertEquals(0, Quantity.parse("1" + "0".repeat(39)).compareTo(Quantity.parse("1e39")));
  }

  @Test
  void suggestsBothKindsOfGigaForGB() {
    LiteralException e = error("5GB");
    assertEquals("`5GB` has an unknown unit `GB`", e.message());
    assertEquals("did you mean `5G` or `5Gi`?", e.hint());
  }

  @Test
  void suggestsTheRightCaseForABinaryUnit() {
    LiteralException e = error("5gi");
    assertEquals("`5gi` has an unknown unit `gi`", e.message());
    assertEquals("did you mean `5Gi`?", e.hint());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "5GiB|did you mean `5Gi`?",
      "5MI|did you mean `5Mi`?",
      "1.5ki|did you mean `1.5Ki`?",
      "5K|did you mean `5k` or `5Ki`?",
      "5KB|did you mean `5k` or `5Ki`?",
      "5mb|did you mean `5M` or `5Mi`?",
      "5MB|did you mean `5M` or `5Mi`?",
      "5g|did you mean `5G` or `5Gi`?",
      "5tb|did you mean `5T` or `5Ti`?",
      "5B|bytes are the base unit: write `5`",
      "5e|write an exponent after the `e`, such as `5e3`, or `5E` for exa",
  })
  void guessesTheIntendedUnit(String text, String hint) {
    assertEquals(hint, error(text).hint());
  }

  @Test
  void listsTheUnitsWhenItCannotGuess() {
    LiteralException e = error("5x");
    assertEquals("`5x` has an unknown unit `x`", e.message());
    assertEquals("the units are `Ki Mi Gi Ti Pi Ei` (powers of 1024), `n u m k M G T P E` (powers of 1000) or an exponent such as `e3`",
        e.hint());
    assertEquals("`1Gi5` has an unknown unit `Gi5`", error("1Gi5").message());
    assertEquals("`1 Gi` has an unknown unit ` Gi`", error("1 Gi").message());
  }

  @Test
  void needsANumberFirst() {
    assertEquals("`Gi` does not start with a number", error("Gi").message());
    assertEquals("`-` does not start with a number", error("-").message());
    assertEquals("`.` does not start with a number", error(".").message());
    assertEquals("`+Mi` does not start with a number", error("+Mi").message());
    assertEquals("expected a quantity, found nothing", error("").message());
  }

  @Test
  void rejectsASecondDecimalPoint() {
    assertEquals("the number in `1.2.3` has more than one decimal point", error("1.2.3").message());
  }

  @Test
  void rejectsFractionalAndHugeExponents() {
    assertEquals("the exponent in `1e3.5` is not a whole number", error("1e3.5").message());
    LiteralException huge = error("1e999");
    assertEquals("the exponent `999` in `1e999` is too large", huge.message());
    assertEquals("use an exponent between -100 and 100", huge.hint());
    assertEquals("the exponent `-00000101` in `1e-00000101` is too large", error("1e-00000101").message());
  }

  @Test
  void acceptsTheLargestExponent() throws LiteralException {
    assertEquals(0, BigDecimal.ONE.scaleByPowerOfTen(-100).compareTo(Quantity.parse("1e-100").value()));
    assertEquals(0, BigDecimal.ONE.scaleByPowerOfTen(100).compareTo(Quantity.parse("1e0100").value()));
  }

  @Test
  void normalizesTheValueItIsBuiltWith() {
    assertEquals(new BigDecimal("1000"), new Quantity("1k", new BigDecimal("1E+3")).value());
    assertEquals(new BigDecimal("0.5"), new Quantity("500m", new BigDecimal("0.500")).value());
  }
}
