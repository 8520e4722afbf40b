package dev.clusterc.compiler.diag;

import dev.clusterc.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One problem found in the sources: where it is, what it is, and how to fix it.
 *
 * @param hint how to fix it, or {@code null}
 * @param related other places that take part (the first declaration of a duplicate, a cycle's
 *     edges), at most {@link #MAX_RELATED}
 * @param fixes edits an editor may apply to make the problem go away; empty when none is certain.
 *     Not part of {@link #equals}: the same problem reported twice at one place is one diagnostic
 *     (printed once, since the printed forms do not differ), however its reporters spelled the fix
 */
public record Diagnostic(
    Severity severity, Code code, SourceSpan span, String message, String hint, List<Related> related,
    List<Fix> fixes) {

  /** A contributing position, printed after the main one. */
  public record Related(SourceSpan span, String message) {}

  /** File, then position, then code, then message: the order in which diagnostics are printed. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.<Diagnostic, String>comparing(d -> d.span().file().path())
          .thenComparingInt(d -> d.span().start())
          .thenComparingInt(d -> d.span().end())
          .thenComparing(d -> d.code().id())
          .thenComparing(Diagnostic::message);

  /**
   * Related places kept per diagnostic; later ones are dropped. A checker that adds one note per
   * member of a group (control planes, a cycle's edges) then costs at most this many copies each.
   */
  public static final int MAX_RELATED = 100;

  public Diagnostic {
    related = List.copyOf(related.size() > MAX_RELATED ? related.subList(0, MAX_RELATED) : related);
    fixes = List.copyOf(fixes);
  }

  /** A diagnostic without fixes. */
  public Diagnostic(Severity severity, Code code, SourceSpan span, String message, String hint, List<Related> related) {
    this(severity, code, span, message, hint, related, List.of());
  }

  public static Diagnostic error(Code code, SourceSpan span, String message) {
    return new Diagnostic(Severity.ERROR, code, span, message, null, List.of());
  }

  public static Diagnostic warning(Code code, SourceSpan span, String message) {
    return new Diagnostic(Severity.WARNING, code, span, message, null, List.of());
  }

  public Diagnostic withHint(String newHint) {
    return new Diagnostic(severity, code, span, message, newHint, related, fixes);
  }

  /** The same diagnostic offering one more fix. */
  public Diagnostic withFix(Fix fix) {
    List<Fix> all = new ArrayList<>(fixes);
    all.add(fix);
    return new Diagnostic(severity, code, span, message, hint, related, all);
  }

  /**
   * Did-you-mean: when a known word is close to {@code word}, the hint asks for it and a fix writes
   * it over {@code word} in this diagnostic's span; otherwise the hint is {@code otherwise} (which may
   * be {@code null}). The span must hold {@code word} once (a name, or a quoted import path).
   */
  public Diagnostic withSuggestion(String word, Collection<String> known, String otherwise) {
    var closest = Suggestions.closest(word, known);
    if (closest.isEmpty()) {
      return withHint(otherwise);
    }
    Diagnostic hinted = withHint(Suggestions.didYouMean(closest.get()));
    String written = span.text();
    int at = written.indexOf(word);
    if (word.isEmpty() || at < 0 || written.indexOf(word, at + 1) >= 0) {
      return hinted;
    }
    SourceSpan target = new SourceSpan(span.file(), span.start() + at, span.start() + at + word.length());
    return hinted.withFix(Fix.replace("replace with `" + closest.get() + "`", target, closest.get()));
  }

  public Diagnostic withRelated(SourceSpan relatedSpan, String relatedMessage) {
    if (related.size() >= MAX_RELATED) {
      return this;
    }
    List<Related> all = new ArrayList<>(related);
    all.add(new Related(relatedSpan, relatedMessage));
    return new Diagnostic(severity, code, span, message, hint, all, fixes);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Equal when everything but the fixes is equal (see {@code fixes}). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Diagnostic that && severity == that.severity && code == that.code && span.equals(that.span)
        && message.equals(that.message) && Objects.equals(hint, that.hint) && related.equals(that.related);
  }

  @Override
  public int hashCode() {
    return Objects.hash(severity, code, span, message, hint, related);
  }

  @Override
  public String toString() {
    var p = span.begin();
    return span.file().path() + ":" + p.line() + ":" + p.column() + ": " + severity.label()
        + "[" + code.id() + "]: " + message;
  }
}
