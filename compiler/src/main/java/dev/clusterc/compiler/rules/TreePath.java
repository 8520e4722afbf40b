package dev.clusterc.compiler.rules;

/**
 * Where a cluster's GitOps tree lives in its Git repository — the {@code path} of
 * {@code gitops flux}, {@code clusters/NAME} by default — and what makes a relative path safe to
 * write below a directory. Below {@code check} and {@code emit}, so the checker that reports a bad
 * path and the layout that writes the tree read it the same way.
 */
public final class TreePath {
  /** Names an output directory keeps for compile's own bookkeeping; no tree path or file may use one. */
  public static final String RESERVED_PREFIX = ".clusterc-";

  /** Git's own directory: compile never writes into it, whatever the gitops path or a record says. */
  public static final String GIT_DIR = ".git";

  private TreePath() {}

  /**
   * The tree path of a cluster named {@code clusterName} whose {@code path} entry is {@code written}
   * ({@code null} when absent): {@code /}-separated, without a leading {@code ./} or a trailing {@code /}.
   */
  public static String of(String clusterName, String written) {
    return written == null ? "clusters/" + clusterName : normalize(written);
  }

  /** A path as written ({@code ./clusters/x/}) in the form the tree and Flux use ({@code clusters/x}). */
  public static String normalize(String written) {
    String path = written.strip();
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  /**
   * Why {@code relative} is not a safe path below a directory, or {@code null} when it is:
   * {@code /}-separated, relative, every segment non-empty, neither {@code .} nor {@code ..}, at most
   * 255 characters, free of control characters and backslashes, never Git's {@code .git} (in any
   * case, for case-insensitive file systems) and never one of compile's own {@code .clusterc-} names.
   */
  public static String problem(String relative) {
    if (relative == null || relative.isEmpty()) {
      return "an empty path";
    }
    if (relative.startsWith("/")) {
      return "an absolute path";
    }
    for (String segment : relative.split("/", -1)) {
      if (segment.isEmpty()) {
        return "an empty segment (`//` or a trailing `/`)";
      }
      if (segment.equals(".") || segment.equals("..")) {
        return "a `" + segment + "` segment";
      }
      if (segment.equalsIgnoreCase(GIT_DIR)) {
        return "a `.git` segment, Git's own directory";
      }
      if (segment.startsWith(RESERVED_PREFIX)) {
        return "a name starting with `" + RESERVED_PREFIX + "`, which clusterc keeps for itself";
      }
      if (segment.length() > 255) {
        return "a segment longer than 255 characters";
      }
      for (int i = 0; i < segment.length(); i++) {
        char c = segment.charAt(i);
        if (c < 0x20 || c == 0x7f || c == '\\') {
          return "a control character or backslash";
        }
      }
    }
    return null;
  }
}
