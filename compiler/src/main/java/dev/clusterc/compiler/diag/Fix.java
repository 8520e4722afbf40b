package dev.clusterc.compiler.diag;

import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;

/**
 * A change that certainly makes a diagnostic go away, for an editor's code action: a title the
 * user picks it by ("replace with `cilium`", "add `use volsync`") and the edits it makes. Only
 * fixes whose outcome is known are offered; a problem with several plausible answers (which of two
 * conflicting addresses to change) gets a hint, not a fix.
 */
public record Fix(String title, List<TextEdit> edits) {
  public Fix {
    edits = List.copyOf(edits);
  }

  /** Writes {@code replacement} over {@code span}. */
  public static Fix replace(String title, SourceSpan span, String replacement) {
    return new Fix(title, List.of(new TextEdit(span, replacement)));
  }
}
