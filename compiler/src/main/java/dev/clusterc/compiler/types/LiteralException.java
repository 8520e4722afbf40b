package dev.clusterc.compiler.types;

/**
 * A literal that cannot be read, worded for the person who wrote it, so that the reader can turn it
 * into a diagnostic without rephrasing.
 *
 * <p>The {@linkplain #message() message} says what is wrong and quotes the offending text in
 * backticks ("octet `300` is out of range 0–255"); the {@linkplain #hint() hint} says how to fix it
 * ("write `10`"), or is {@code null} when there is nothing better to say than the message.
 *
 * <p>It is checked because every caller has a source span at hand and must report the problem
 * there. A bad literal is the user's mistake, not the program's, so no stack trace is recorded.
 */
public final class LiteralException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String hint;

  /** A problem with a hint on how to fix it; {@code hint} may be {@code null}. */
  public LiteralException(String message, String hint) {
    super(java.util.Objects.requireNonNull(message, "message"), null, false, false);
    this.hint = hint;
  }

  /** A problem without a hint. */
  public LiteralException(String message) {
    this(message, null);
  }

  /** What is wrong, with the offending text in backticks. */
  public String message() {
    return getMessage();
  }

  /** How to fix it, or {@code null}. */
  public String hint() {
    return hint;
  }

  @Override
  public String toString() {
    return hint == null ? getMessage() : getMessage() + " (" + hint + ")";
  }
}
