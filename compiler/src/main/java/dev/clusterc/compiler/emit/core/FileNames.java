package dev.clusterc.compiler.emit.core;

import dev.clusterc.compiler.rules.TreePath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * File and directory names derived from what a user wrote (an object's kind and name, a namespace,
 * the gitops {@code path}), made safe before they touch the file system: a name taken from a
 * {@code manifests} file may hold {@code /}, {@code ..}, a NUL or upper-case letters, and none of
 * that may move a file outside the output directory or onto another object's file.
 */
public final class FileNames {
  /** Names the output directory keeps for its own bookkeeping; no layout may write one. */
  public static final String RESERVED_PREFIX = TreePath.RESERVED_PREFIX;

  /** Well below the usual 255-byte limit of one name, leaving room for {@code kind-} and {@code .yaml}. */
  static final int MAX_PART = 100;

  private FileNames() {}

  /**
   * One part of a file name: lower case, letters, digits, {@code .}, {@code _} and {@code -} only
   * (anything else becomes {@code _}), never starting with a dot, never empty; a part longer than
   * {@link #MAX_PART} is cut and ends with a hash of the whole, so two long names stay apart.
   */
  public static String part(String raw) {
    String text = raw == null ? "" : raw;
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toLowerCase(text.charAt(i));
      boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
      out.append(plain ? c : '_');
    }
    int dots = 0;
    while (dots < out.length() && out.charAt(dots) == '.') {
      out.setCharAt(dots++, '_');
    }
    if (out.length() == 0) {
      return "_";
    }
    if (out.length() > MAX_PART) {
      return out.substring(0, MAX_PART - 9) + "-" + hash(text);
    }
    return out.toString();
  }

  /**
   * Why {@code relative} is not a safe path inside an output directory, or {@code null} when it is;
   * one rule with the checker's ({@link TreePath#problem}), so a path {@code check} accepts compiles.
   */
  public static String problem(String relative) {
    return TreePath.problem(relative);
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Lower case for comparing paths as a case-insensitive file system would. */
  public static String folded(String relative) {
    return relative.toLowerCase(Locale.ROOT);
  }
}
