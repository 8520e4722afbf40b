package dev.clusterc.compiler.types;

import java.math.BigDecimal;

/** STAND-IN: replaced by the literal-types work. */
public record Quantity(String text, BigDecimal value) {
  public static Quantity parse(String text) throws LiteralException {
    if (!text.matches("[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?")) {
      throw new LiteralException("`" + text + "` is not a quantity", null);
    }
    return new Quantity(text, BigDecimal.ONE);
  }

  @Override
  public String toString() {
    return text;
  }
}
