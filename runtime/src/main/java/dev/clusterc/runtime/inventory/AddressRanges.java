package dev.clusterc.runtime.inventory;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A set of IP addresses as inclusive ranges, read from the forms address pools use ({@code 10.0.0.0/24},
 * {@code 10.0.0.1-10.0.0.9}, a single address; IPv4 and IPv6), so that "does the pool give addresses
 * up" is a set difference. IPv4 lives in the IPv4-mapped part of the IPv6 space, so both compare.
 */
record AddressRanges(List<Range> ranges) {
  private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");
  private static final BigInteger V4_MAPPED = BigInteger.valueOf(0xffffL).shiftLeft(32);
  private static final BigInteger V4_END = V4_MAPPED.add(BigInteger.ONE.shiftLeft(32));

  /** One inclusive range of addresses. */
  record Range(BigInteger first, BigInteger last) {}

  /** The addresses of {@code entries}; an entry that is no address or range is left out. */
  static AddressRanges parse(Collection<String> entries) {
    List<Range> ranges = new ArrayList<>();
    for (String raw : entries) {
      String entry = raw.trim();
      int slash = entry.indexOf('/');
      int dash = entry.indexOf('-');
      if (slash > 0) {
        Integer prefix = parsePrefix(entry.substring(slash + 1));
        BigInteger base = address(entry.substring(0, slash));
        if (prefix != null && base != null) {
          int bits = isV4(base) ? 32 : 128;
          if (prefix <= bits) {
            BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
            BigInteger first = base.subtract(base.mod(size));
            ranges.add(new Range(first, first.add(size).subtract(BigInteger.ONE)));
          }
        }
      } else if (dash > 0) {
        add(ranges, address(entry.substring(0, dash).trim()), address(entry.substring(dash + 1).trim()));
      } else {
        BigInteger one = address(entry);
        add(ranges, one, one);
      }
    }
    return new AddressRanges(ranges);
  }

  /** {@code from}–{@code to} as a set (one address when they are equal). */
  static AddressRanges between(String from, String to) {
    List<Range> ranges = new ArrayList<>();
    add(ranges, address(from), address(to));
    return new AddressRanges(ranges);
  }

  /** Addresses of these ranges that {@code other} does not hold. */
  AddressRanges minus(AddressRanges other) {
    List<Range> left = new ArrayList<>(ranges);
    for (Range cut : other.ranges) {
      List<Range> next = new ArrayList<>();
      for (Range r : left) {
        if (cut.last.compareTo(r.first) < 0 || cut.first.compareTo(r.last) > 0) {
          next.add(r);
          continue;
        }
        if (r.first.compareTo(cut.first) < 0) {
          next.add(new Range(r.first, cut.first.subtract(BigInteger.ONE)));
        }
        if (r.last.compareTo(cut.last) > 0) {
          next.add(new Range(cut.last.add(BigInteger.ONE), r.last));
        }
      }
      left = next;
    }
    left.sort(Comparator.comparing(Range::first));
    return new AddressRanges(left);
  }

  boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** {@code 10.0.0.5, 10.0.0.8-10.0.0.9}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Range r : ranges) {
      parts.add(r.first.equals(r.last) ? format(r.first) : format(r.first) + "-" + format(r.last));
    }
    return String.join(", ", parts);
  }

  private static void add(List<Range> ranges, BigInteger first, BigInteger last) {
    if (first != null && last != null && first.compareTo(last) <= 0) {
      ranges.add(new Range(first, last));
    }
  }

  private static Integer parsePrefix(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The address as a number, or null when {@code text} is no IP literal (never a name lookup). */
  private static BigInteger address(String text) {
    if (!LITERAL.matcher(text).matches() || (!text.contains(".") && !text.contains(":"))) {
      return null;
    }
    try {
      byte[] bytes = InetAddress.getByName(text).getAddress();
      BigInteger value = new BigInteger(1, bytes);
      return bytes.length == 4 ? V4_MAPPED.add(value) : value;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static boolean isV4(BigInteger address) {
    return address.compareTo(V4_MAPPED) >= 0 && address.compareTo(V4_END) < 0;
  }

  private static String format(BigInteger address) {
    try {
      if (isV4(address)) {
        byte[] four = address.subtract(V4_MAPPED).add(BigInteger.ONE.shiftLeft(32)).toByteArray();
        return InetAddress.getByAddress(Arrays.copyOfRange(four, four.length - 4, four.length)).getHostAddress();
      }
      byte[] raw = address.add(BigInteger.ONE.shiftLeft(128)).toByteArray();
      return InetAddress.getByAddress(Arrays.copyOfRange(raw, raw.length - 16, raw.length)).getHostAddress();
    } catch (UnknownHostException e) {
      return address.toString();
    }
  }
}
