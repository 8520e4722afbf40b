package dev.clusterc.compiler.types;

import java.util.Locale;

/**
 * How host names compare: case-insensitively, a trailing dot ignored, and a listener's
 * {@code *.example.org} matching exactly one label more ({@code a.example.org}, not
 * {@code a.b.example.org} nor {@code example.org}) — what a {@code *.} certificate covers.
 */
public final class Hostnames {
  private Hostnames() {}

  public static String normal(String host) {
    String lower = host.trim().toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  /** Whether a value still holds an unresolved {@code ${…}} (already reported) and cannot be judged. */
  public static boolean unresolved(String value) {
    return value.contains("${");
  }

  /** Whether {@code host} (or wildcard {@code *.x}) is the domain or a name under it. */
  public static boolean under(String host, String domain) {
    String h = normal(host);
    String d = normal(domain);
    return h.equals(d) || h.endsWith("." + d);
  }

  /** Whether a listener with this hostname ({@code null}: none) accepts a route for {@code host}. */
  public static boolean accepts(String listenerHostname, String host) {
    if (listenerHostname == null) {
      return true;
    }
    String pattern = normal(listenerHostname);
    String h = normal(host);
    if (pattern.equals(h)) {
      return true;
    }
    if (!pattern.startsWith("*.")) {
      return false;
    }
    String suffix = pattern.substring(1);
    if (!h.endsWith(suffix)) {
      return false;
    }
    String label = h.substring(0, h.length() - suffix.length());
    return !label.isEmpty() && !label.contains(".");
  }

  /** Whether {@code host} is a wildcard one label too deep for {@code listenerHostname} ({@code a.b.x} for {@code *.x}). */
  public static boolean tooDeep(String listenerHostname, String host) {
    String pattern = normal(listenerHostname);
    String h = normal(host);
    return pattern.startsWith("*.") && h.endsWith(pattern.substring(1)) && !accepts(listenerHostname, host);
  }
}
