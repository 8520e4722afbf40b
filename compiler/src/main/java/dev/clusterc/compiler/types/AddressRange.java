package dev.clusterc.compiler.types;

/** STAND-IN: replaced by the literal-types work. */
public record AddressRange(Ipv4 first, Ipv4 last) {
  public static AddressRange parse(String text) throws LiteralException {
    int dots = text.indexOf("..");
    return new AddressRange(Ipv4.parse(text.substring(0, dots)), Ipv4.parse(text.substring(dots + 2)));
  }

  public static AddressRange of(Cidr cidr) {
    return new AddressRange(cidr.first(), cidr.last());
  }

  public boolean contains(Ipv4 ip) {
    return ip.compareTo(first) >= 0 && ip.compareTo(last) <= 0;
  }

  public boolean overlaps(AddressRange other) {
    return first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
  }

  @Override
  public String toString() {
    return first + ".." + last;
  }
}
