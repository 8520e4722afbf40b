package dev.clusterc.runtime.kube;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON pointers (RFC 6901) into an object's tree: {@code /spec/replicas}, with {@code ~0} for
 * {@code ~} and {@code ~1} for {@code /} in a reference token, and a list item named by its index.
 */
public final class JsonPointer {
  private JsonPointer() {}

  /** Why {@code pointer} is no pointer to a field, or {@code null} when it is one. */
  public static String problem(String pointer) {
    if (!pointer.startsWith("/")) {
      return "a JSON pointer starts with / (e.g. /spec/replicas)";
    }
    if (pointer.equals("/")) {
      return "names no field; ignoring a whole object is not supported";
    }
    for (int i = 0; i < pointer.length(); i++) {
      if (pointer.charAt(i) == '~' && (i + 1 == pointer.length() || "01".indexOf(pointer.charAt(i + 1)) < 0)) {
        return "~ must be followed by 0 (for ~) or 1 (for /)";
      }
    }
    return null;
  }

  /** The unescaped reference tokens of {@code pointer}; none for the empty pointer (the whole tree). */
  public static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    if (pointer.isEmpty()) {
      return tokens;
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  /** One reference token, escaped: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** The list index a token names, or -1 when it names none. */
  public static int index(String token) {
    if (token.isEmpty() || token.length() > 9 || !token.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(token);
  }
}
