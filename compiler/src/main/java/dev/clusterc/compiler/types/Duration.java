package dev.clusterc.compiler.types;

/** STAND-IN: replaced by the literal-types work. */
public record Duration(String text, long seconds) {
  public static Duration parse(String text) throws LiteralException {
    if (!text.matches("([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?") || text.isEmpty()) {
      throw new LiteralException("`" + text + "` is not a duration", null);
    }
    return new Duration(text, 0);
  }

  @Override
  public String toString() {
    return text;
  }
}
