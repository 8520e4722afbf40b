package dev.clusterc.runtime.kube;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two short texts (one object's YAML each), as {@code diff -u} prints it: hunks of
 * changed lines with {@value #CONTEXT} lines of context. Objects are a few hundred lines at most, so
 * a plain longest-common-subsequence table is fast enough and keeps this small.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The diff from {@code before} to {@code after}, headed by their labels; empty when they are equal. */
  static String of(String beforeLabel, List<String> before, String afterLabel, List<String> after) {
    List<Edit> edits = edits(before, after);
    if (edits.stream().allMatch(e -> e.op == ' ')) {
      return "";
    }
    StringBuilder out = new StringBuilder("--- ").append(beforeLabel).append('\n')
        .append("+++ ").append(afterLabel).append('\n');
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).op == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int lastChange = i;
      while (end < edits.size() && (edits.get(end).op != ' ' || end - lastChange <= 2 * CONTEXT)) {
        if (edits.get(end).op != ' ') {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(edits.size(), lastChange + CONTEXT + 1);
      hunk(out, edits.subList(start, end));
      i = end;
    }
    return out.toString();
  }

  private static void hunk(StringBuilder out, List<Edit> hunk) {
    int beforeCount = (int) hunk.stream().filter(e -> e.op != '+').count();
    int afterCount = (int) hunk.stream().filter(e -> e.op != '-').count();
    Edit first = hunk.get(0);
    out.append("@@ -").append(range(first.beforeLine, beforeCount))
        .append(" +").append(range(first.afterLine, afterCount)).append(" @@\n");
    for (Edit edit : hunk) {
      out.append(edit.op).append(edit.line).append('\n');
    }
  }

  private static String range(int line, int count) {
    return count == 0 ? (line - 1) + ",0" : line + "," + count;
  }

  /** One line of the edit script, with the 1-based line numbers it sits at on each side. */
  private record Edit(char op, String line, int beforeLine, int afterLine) {}

  private static List<Edit> edits(List<String> a, List<String> b) {
    int[][] common = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Edit> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        edits.add(new Edit(' ', a.get(i), i + 1, j + 1));
        i++;
        j++;
      } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
        edits.add(new Edit('-', a.get(i), i + 1, j + 1));
        i++;
      } else {
        edits.add(new Edit('+', b.get(j), i + 1, j + 1));
        j++;
      }
    }
    return edits;
  }
}
