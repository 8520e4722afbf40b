package dev.clusterc.compiler.types;

/** STAND-IN: replaced by the literal-types work. */
public record Cidr(Ipv4 address, int prefix) {
  public static Cidr parse(String text) throws LiteralException {
    int slash = text.indexOf('/');
    return new Cidr(Ipv4.parse(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
  }

  private long mask() {
    return prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
  }

  public boolean isCanonical() {
    return (address.bits() & ~mask() & 0xffffffffL) == 0;
  }

  public Cidr canonical() {
    return new Cidr(new Ipv4(address.bits() & mask()), prefix);
  }

  public Ipv4 first() {
    return new Ipv4(address.bits() & mask());
  }

  public Ipv4 last() {
    return new Ipv4((address.bits() & mask()) | (~mask() & 0xffffffffL));
  }

  public boolean contains(Ipv4 ip) {
    return ip.compareTo(first()) >= 0 && ip.compareTo(last()) <= 0;
  }

  public boolean overlaps(Cidr other) {
    return first().compareTo(other.last()) <= 0 && other.first().compareTo(last()) <= 0;
  }

  @Override
  public String toString() {
    return address + "/" + prefix;
  }
}
