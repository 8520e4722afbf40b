package dev.clusterc.compiler.diag;

import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;

/**
 * A change that certainly makes a diagnostic go away, for an editor's code action: a title the
 * user picks it by ("replace with `cilium`", "add `use volsync`") and the edits it makes. Only
 * fixes whose outcome is known are offered; a problem with several plausible answers (which of two
 * conflicting addresses to change) gets a hint, not a fix.
 *
 * @param decision whether the fix records a choice only the user can make ({@code backup none}: this
 *     data needs no backup) rather than repair what was meant: an editor never marks it preferred, so
 *     that "fix all" does not apply it on the user's behalf
 */
public record Fix(String title, List<TextEdit> edits, boolean decision) {
  public Fix {
    edits = List.copyOf(edits);
  }

  /** A fix that repairs what was meant (not a {@link #decision}). */
  public Fix(String title, List<TextEdit> edits) {
    this(title, edits, false);
  }

  /** The same fix making {@code newEdits} instead. */
  public Fix withEdits(List<TextEdit> newEdits) {
    return new Fix(title, newEdits, decision);
  }

  /** Writes {@code replacement} over {@code span}. */
  public static Fix replace(String title, SourceSpan span, String replacement) {
    return new Fix(title, List.of(new TextEdit(span, replacement)));
  }
}
