package dev.clusterc.compiler.types;

/** STAND-IN: replaced by the literal-types work. */
public class LiteralException extends Exception {
  private final String hint;

  public LiteralException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public String message() {
    return getMessage();
  }

  public String hint() {
    return hint;
  }
}
