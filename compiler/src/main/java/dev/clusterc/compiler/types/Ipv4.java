package dev.clusterc.compiler.types;

/**
 * An IPv4 address held as its 32 bits, so that address plans can be compared, ordered and counted
 * with plain arithmetic.
 *
 * <p>The literal is exactly four decimal octets 0–255 separated by dots. Leading zeros are
 * rejected: {@code 010} is ten to some tools and eight (octal) to others.
 *
 * @param bits the address as an unsigned 32-bit number, 0 to 2<sup>32</sup>−1
 */
public record Ipv4(long bits) implements Comparable<Ipv4> {
  /** The largest value of {@link #bits()}: {@code 255.255.255.255}. */
  public static final long MAX_BITS = 0xFFFF_FFFFL;

  public Ipv4 {
    if (bits < 0 || bits > MAX_BITS) {
      throw new IllegalArgumentException("not a 32-bit address: " + bits);
    }
  }

  /** The address {@code a.b.c.d}; each octet must be 0–255. */
  public static Ipv4 of(int a, int b, int c, int d) {
    long bits = 0;
    for (int octet : new int[] {a, b, c, d}) {
      if (octet < 0 || octet > 255) {
        throw new IllegalArgumentException("octet out of range 0-255: " + octet);
      }
      bits = bits << 8 | octet;
    }
    return new Ipv4(bits);
  }

  /**
   * Reads a dotted-quad address such as {@code 10.0.0.1}.
   *
   * @throws LiteralException naming the wrong octet, or the wrong number of parts
   */
  public static Ipv4 parse(String text) throws LiteralException {
    if (text.isEmpty()) {
      throw new LiteralException("expected an IPv4 address, found nothing", "write four octets such as `10.0.0.1`");
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw new LiteralException(
          "`" + text + "` has " + parts.length + (parts.length == 1 ? " part" : " parts") + "; an IPv4 address has 4",
          "write four octets 0–255 separated by dots, such as `10.0.0.1`");
    }
    long bits = 0;
    for (int i = 0; i < 4; i++) {
      bits = bits << 8 | octet(text, parts[i], i + 1);
    }
    return new Ipv4(bits);
  }

  private static int octet(String text, String part, int position) throws LiteralException {
    if (part.isEmpty()) {
      throw new LiteralException("octet " + position + " of `" + text + "` is empty",
          "write four octets 0–255 separated by single dots");
    }
    if (!part.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new LiteralException("octet `" + part + "` of `" + text + "` is not a decimal number",
          "write each octet as a number 0–255");
    }
    if (part.length() > 1 && part.charAt(0) == '0') {
      String stripped = part.replaceFirst("^0+(?=.)", "");
      throw new LiteralException("octet `" + part + "` has a leading zero",
          "write `" + stripped + "`; a leading zero means octal to some tools, so `" + part + "` is ambiguous");
    }
    if (part.length() > 3 || Integer.parseInt(part) > 255) {
      throw new LiteralException("octet `" + part + "` is out of range 0–255", null);
    }
    return Integer.parseInt(part);
  }

  /** Octet {@code index} (0 to 3, left to right). */
  public int octet(int index) {
    if (index < 0 || index > 3) {
      throw new IndexOutOfBoundsException(index);
    }
    return (int) (bits >>> (8 * (3 - index)) & 0xFF);
  }

  /** The following address. */
  public Ipv4 next() {
    return plus(1);
  }

  /**
   * The address {@code offset} places after this one (before it, if negative).
   *
   * @throws ArithmeticException if the result is outside {@code 0.0.0.0}–{@code 255.255.255.255}
   */
  public Ipv4 plus(long offset) {
    long result = Math.addExact(bits, offset);
    if (result < 0 || result > MAX_BITS) {
      throw new ArithmeticException(this + " + " + offset + " is outside the IPv4 address space");
    }
    return new Ipv4(result);
  }

  @Override
  public int compareTo(Ipv4 other) {
    return Long.compare(bits, other.bits);
  }

  /** Whether this address is strictly before {@code other}. */
  public boolean isBefore(Ipv4 other) {
    return bits < other.bits;
  }

  /** The dotted-quad form, which {@link #parse} reads back to the same address. */
  @Override
  public String toString() {
    return octet(0) + "." + octet(1) + "." + octet(2) + "." + octet(3);
  }
}
