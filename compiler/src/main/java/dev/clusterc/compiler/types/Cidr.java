package dev.clusterc.compiler.types;

import java.util.Objects;

/**
 * A network written as an address and a prefix length, kept exactly as written so that the checker,
 * not the parser, can report host bits under its own code ({@code cidr-not-canonical}).
 *
 * <p>{@code 10.0.0.7/24} parses; {@link #isCanonical()} is false for it and {@link #canonical()} is
 * {@code 10.0.0.0/24}. {@link #first()}, {@link #last()} and the containment tests always use the
 * network the prefix describes, whatever the host bits.
 *
 * @param address the address as written, host bits included
 * @param prefix the number of network bits, 0–32
 */
public record Cidr(Ipv4 address, int prefix) {
  public Cidr {
    Objects.requireNonNull(address, "address");
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("prefix length out of range 0-32: " + prefix);
    }
  }

  /**
   * Reads {@code a.b.c.d/n}. Host bits are allowed here; only malformed text is an error.
   *
   * @throws LiteralException naming the wrong octet, or the missing or wrong prefix length
   */
  public static Cidr parse(String text) throws LiteralException {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new LiteralException("`" + text + "` has no prefix length",
          "add one after a slash, such as `" + text + "/24`, or `" + text + "/32` for a single address");
    }
    if (text.indexOf('/', slash + 1) >= 0) {
      throw new LiteralException("`" + text + "` has more than one `/`", "write one address and one prefix length, such as `10.0.0.0/24`");
    }
    Ipv4 address = Ipv4.parse(text.substring(0, slash));
    return new Cidr(address, prefixLength(text, text.substring(slash + 1)));
  }

  private static int prefixLength(String text, String digits) throws LiteralException {
    if (digits.isEmpty()) {
      throw new LiteralException("`" + text + "` has no prefix length after the `/`",
          "write a number 0–32 after the slash, such as `" + text + "24`");
    }
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new LiteralException("prefix length `" + digits + "` is not a number", "write a number 0–32, such as `/24`");
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      throw new LiteralException("prefix length `" + digits + "` has a leading zero",
          "write `/" + digits.replaceFirst("^0+(?=.)", "") + "`");
    }
    if (digits.length() > 2 || Integer.parseInt(digits) > 32) {
      throw new LiteralException("prefix length `" + digits + "` is out of range 0–32", null);
    }
    return Integer.parseInt(digits);
  }

  /** The network mask as 32 bits: {@code prefix} ones followed by zeros. */
  public long mask() {
    return prefix == 0 ? 0 : Ipv4.MAX_BITS << (32 - prefix) & Ipv4.MAX_BITS;
  }

  /** Whether the address has no bits set outside the prefix, as {@code 10.0.0.0/24} and not {@code 10.0.0.7/24}. */
  public boolean isCanonical() {
    return (address.bits() & ~mask()) == 0;
  }

  /** The same network with the host bits cleared. */
  public Cidr canonical() {
    return isCanonical() ? this : new Cidr(first(), prefix);
  }

  /** The network address: the lowest address in the network. */
  public Ipv4 first() {
    return new Ipv4(address.bits() & mask());
  }

  /** The highest address in the network (the broadcast address, for prefixes below 31). */
  public Ipv4 last() {
    return new Ipv4(address.bits() | ~mask() & Ipv4.MAX_BITS);
  }

  /** The number of addresses in the network, 2<sup>32−prefix</sup>. */
  public long size() {
    return 1L << (32 - prefix);
  }

  /** Whether {@code ip} lies in this network. */
  public boolean contains(Ipv4 ip) {
    return (ip.bits() & mask()) == first().bits();
  }

  /** Whether every address of {@code other} lies in this network. */
  public boolean contains(Cidr other) {
    return prefix <= other.prefix && contains(other.first());
  }

  /** Whether the two networks share an address; for networks this means one contains the other. */
  public boolean overlaps(Cidr other) {
    return contains(other) || other.contains(this);
  }

  /** The text as written, {@code a.b.c.d/n}, host bits included. */
  @Override
  public String toString() {
    return address + "/" + prefix;
  }
}
