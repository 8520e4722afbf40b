package dev.clusterc.compiler.types;

/** STAND-IN: replaced by the literal-types work. */
public record Ipv4(long bits) implements Comparable<Ipv4> {
  public static Ipv4 parse(String text) throws LiteralException {
    String[] parts = text.split("\\.");
    if (parts.length != 4) {
      throw new LiteralException("`" + text + "` has " + parts.length + " parts; an IPv4 address has 4", null);
    }
    long bits = 0;
    for (String part : parts) {
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        throw new LiteralException("octet `" + part + "` is out of range 0–255", null);
      }
      bits = bits << 8 | octet;
    }
    return new Ipv4(bits);
  }

  @Override
  public int compareTo(Ipv4 o) {
    return Long.compare(bits, o.bits);
  }

  @Override
  public String toString() {
    return (bits >> 24 & 255) + "." + (bits >> 16 & 255) + "." + (bits >> 8 & 255) + "." + (bits & 255);
  }
}
