package dev.clusterc.compiler.files;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Kubernetes accepts as the kind, API version, namespace and name of an object, checked
 * before an object read from a file is written anywhere: these strings become file names in the
 * output, so a name with {@code /}, {@code ..} or a NUL must never get that far.
 *
 * <p>Names follow the API server's rules: most kinds (and every custom resource) take an RFC 1123
 * subdomain (lower-case alphanumerics, {@code -} and {@code .}, at most 253 characters);
 * {@code Namespace} and {@code Service} an RFC 1123 label (no {@code .}, at most 63; a Service's
 * must also start with a letter); the RBAC kinds a path segment (anything but {@code /},
 * {@code %}, {@code .} and {@code ..}, as {@code system:auth-delegator}).
 */
public final class KubernetesNames {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final Pattern VERSION = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Set<String> PATH_SEGMENT_KINDS = Set.of("role", "clusterrole", "rolebinding", "clusterrolebinding");
  private static final Set<String> LABEL_KINDS = Set.of("namespace", "service");

  private KubernetesNames() {}

  /** Whether {@code text} is an RFC 1123 label (a namespace, a Service, a name in the language). */
  public static boolean isLabel(String text) {
    return text.length() <= 63 && LABEL.matcher(text).matches();
  }

  /** Whether {@code text} is an RFC 1123 subdomain (most objects' names, an API group). */
  public static boolean isSubdomain(String text) {
    return text.length() <= 253 && SUBDOMAIN.matcher(text).matches();
  }

  /** Why {@code kind} is no kind identifier, or {@code null}. */
  public static String kindProblem(String kind) {
    if (kind.length() > 63 || !KIND.matcher(kind).matches()) {
      return "`kind: " + shown(kind) + "` is not a kind: a kind is a letter followed by letters and digits (as `ConfigMap`)";
    }
    return null;
  }

  /** Why {@code apiVersion} is not {@code VERSION} or {@code GROUP/VERSION}, or {@code null}. */
  public static String apiVersionProblem(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    boolean groupOk = slash < 0 || isSubdomain(group);
    if (!groupOk || version.length() > 63 || !VERSION.matcher(version).matches()) {
      return "`apiVersion: " + shown(apiVersion) + "` is not an API version: it is VERSION or GROUP/VERSION (as `apps/v1`)";
    }
    return null;
  }

  /** Why {@code namespace} is no namespace name, or {@code null}. */
  public static String namespaceProblem(String namespace) {
    if (!isLabel(namespace)) {
      return "`metadata.namespace: " + shown(namespace) + "` is not a namespace name: "
          + "lower-case letters, digits and `-`, at most 63 characters, starting and ending with a letter or digit";
    }
    return null;
  }

  /** Why {@code name} is not a valid name for an object of {@code kind}, or {@code null}. */
  public static String nameProblem(String kind, String name) {
    String lower = kind.toLowerCase(Locale.ROOT);
    if (PATH_SEGMENT_KINDS.contains(lower)) {
      boolean ok = !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.chars().noneMatch(c -> c == '/' || c == '%' || c < 0x20);
      return ok ? null : "`metadata.name: " + shown(name) + "` is not a valid " + kind + " name: it may not be `.` or `..`, "
          + "nor contain `/`, `%` or a control character";
    }
    if (LABEL_KINDS.contains(lower)) {
      boolean ok = isLabel(name) && (!lower.equals("service") || Character.isLetter(name.charAt(0)));
      return ok ? null : "`metadata.name: " + shown(name) + "` is not a valid " + kind + " name: lower-case letters, digits and `-`, "
          + "at most 63 characters, starting with a " + (lower.equals("service") ? "letter" : "letter or digit")
          + " and ending with a letter or digit";
    }
    if (!isSubdomain(name)) {
      return "`metadata.name: " + shown(name) + "` is not a valid " + kind + " name: lower-case letters, digits, `-` and `.`, "
          + "at most 253 characters, each dot-separated part starting and ending with a letter or digit";
    }
    return null;
  }

  /** The string as a message may show it: control characters escaped, cut after 80 characters. */
  static String shown(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(80).forEach(c -> {
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return text.codePointCount(0, text.length()) > 80 ? out + "…" : out.toString();
  }
}
