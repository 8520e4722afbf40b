package dev.clusterc.compiler.types;

import java.util.Objects;

/**
 * An inclusive span of IPv4 addresses, such as a load-balancer pool, which unlike a {@link Cidr} need
 * not be aligned to a power of two.
 *
 * <p>The literal is {@code first..last}, for example {@code 10.0.0.200..10.0.0.250}; a range of one
 * address is {@code a..a}.
 *
 * @param first the lowest address in the range
 * @param last the highest address in the range, not before {@code first}
 */
public record AddressRange(Ipv4 first, Ipv4 last) {
  private static final String SEPARATOR = "..";

  public AddressRange {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("range is backwards: " + first + SEPARATOR + last);
    }
  }

  /**
   * Reads {@code a.b.c.d..e.f.g.h}.
   *
   * @throws LiteralException if either address is malformed, the separator is missing, or the range
   *     is backwards
   */
  public static AddressRange parse(String text) throws LiteralException {
    int separator = text.indexOf(SEPARATOR);
    if (separator < 0) {
      throw new LiteralException("`" + text + "` is not an address range", missingSeparatorHint(text));
    }
    String firstText = text.substring(0, separator);
    String lastText = text.substring(separator + SEPARATOR.length());
    if (lastText.contains(SEPARATOR)) {
      throw new LiteralException("`" + text + "` has more than one `..`",
          "write the first and the last address once each, such as `10.0.0.200..10.0.0.250`");
    }
    if (firstText.isEmpty() || lastText.isEmpty()) {
      throw new LiteralException("`" + text + "` is missing its " + (firstText.isEmpty() ? "first" : "last") + " address",
          "write both ends, such as `10.0.0.200..10.0.0.250`");
    }
    Ipv4 first = Ipv4.parse(firstText);
    Ipv4 last = Ipv4.parse(lastText);
    if (last.isBefore(first)) {
      throw new LiteralException("the range `" + text + "` is backwards: `" + first + "` comes after `" + last + "`",
          "write `" + last + SEPARATOR + first + "`");
    }
    return new AddressRange(first, last);
  }

  private static String missingSeparatorHint(String text) {
    int dash = text.indexOf('-');
    if (dash > 0 && text.indexOf('-', dash + 1) < 0) {
      return "separate the two addresses with `..`: `" + text.substring(0, dash) + SEPARATOR + text.substring(dash + 1) + "`";
    }
    return "write the first and the last address separated by `..`, such as `10.0.0.200..10.0.0.250`";
  }

  /** The addresses of a network, from its network address to its broadcast address. */
  public static AddressRange of(Cidr cidr) {
    return new AddressRange(cidr.first(), cidr.last());
  }

  /** The number of addresses in the range, both ends included. */
  public long size() {
    return last.bits() - first.bits() + 1;
  }

  /** Whether {@code ip} lies in the range, ends included. */
  public boolean contains(Ipv4 ip) {
    return !ip.isBefore(first) && !last.isBefore(ip);
  }

  /** Whether every address of {@code other} lies in this range. */
  public boolean contains(AddressRange other) {
    return contains(other.first) && contains(other.last);
  }

  /** Whether the two ranges share at least one address. */
  public boolean overlaps(AddressRange other) {
    return !other.last.isBefore(first) && !last.isBefore(other.first);
  }

  /** The literal form {@code first..last}, which {@link #parse} reads back to the same range. */
  @Override
  public String toString() {
    return first + SEPARATOR + last;
  }
}
