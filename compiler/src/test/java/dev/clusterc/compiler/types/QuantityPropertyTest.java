package dev.clusterc.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;

class QuantityPropertyTest {
  private static final List<String> BINARY = List.of("Ki", "Mi", "Gi", "Ti", "Pi", "Ei");
  private static final List<String> DECIMAL = List.of("n", "u", "m", "", "k", "M", "G", "T", "P", "E");

  @Property
  void kibiIsTimes1024(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long n) throws LiteralException {
    assertEquals(BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(1024)), Quantity.parse(n + "Ki").value());
  }

  @Property
  void eachBinaryUnitIs1024TimesTheLast(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long n) throws LiteralException {
    for (int i = 1; i < BINARY.size(); i++) {
      BigDecimal smaller = Quantity.parse(n + BINARY.get(i - 1)).value();
      BigDecimal larger = Quantity.parse(n + BINARY.get(i)).value();
      assertEquals(0, smaller.multiply(BigDecimal.valueOf(1024)).compareTo(larger));
    }
  }

  @Property
  void eachDecimalUnitIs1000TimesTheLast(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long n) throws LiteralException {
    for (int i = 1; i < DECIMAL.size(); i++) {
      BigDecimal smaller = Quantity.parse(n + DECIMAL.get(i - 1)).value();
      BigDecimal larger = Quantity.parse(n + DECIMAL.get(i)).value();
      assertEquals(0, smaller.multiply(BigDecimal.valueOf(1000)).compareTo(larger));
    }
  }

  @Property
  void aPlainDecimalIsItsOwnValue(@ForAll @BigRange(min = "-1e12", max = "1e12") BigDecimal number) throws LiteralException {
    String text = number.toPlainString();
    Quantity quantity = Quantity.parse(text);
    assertEquals(0, number.compareTo(quantity.value()));
    assertEquals(text, quantity.toString());
  }

  @Property
  void anExponentScalesByPowersOfTen(
      @ForAll @LongRange(min = 0, max = 1_000_000) long n, @ForAll("exponents") int exponent) throws LiteralException {
    BigDecimal expected = BigDecimal.valueOf(n).scaleByPowerOfTen(exponent);
    assertEquals(0, expected.compareTo(Quantity.parse(n + "e" + exponent).value()));
    assertEquals(0, expected.compareTo(Quantity.parse(n + "E" + exponent).value()));
  }

  @Provide
  Arbitrary<Integer> exponents() {
    return Arbitraries.integers().between(-100, 100);
  }

  @Property
  void failsOnlyWithALiteralException(@ForAll("quantityLike") String text) {
    try {
      Quantity.parse(text);
    } catch (LiteralException e) {
      assertTrue(text.isEmpty() || e.message().contains("`" + text + "`"), e.message());
    }
  }

  @Provide
  Arbitrary<String> quantityLike() {
    return Arbitraries.strings().withChars("0123456789.+-eEiKMGTPkmnuB ").ofMaxLength(12);
  }
}
