package dev.clusterc.compiler.diag;

import dev.clusterc.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One problem found in the sources: where it is, what it is, and how to fix it.
 *
 * @param hint how to fix it, or {@code null}
 * @param related other places that take part (the first declaration of a duplicate, a cycle's
 *     edges), at most {@link #MAX_RELATED}
 */
public record Diagnostic(
    Severity severity, Code code, SourceSpan span, String message, String hint, List<Related> related) {

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
  }

  public static Diagnostic error(Code code, SourceSpan span, String message) {
    return new Diagnostic(Severity.ERROR, code, span, message, null, List.of());
  }

  public static Diagnostic warning(Code code, SourceSpan span, String message) {
    return new Diagnostic(Severity.WARNING, code, span, message, null, List.of());
  }

  public Diagnostic withHint(String newHint) {
    return new Diagnostic(severity, code, span, message, newHint, related);
  }

  public Diagnostic withRelated(SourceSpan relatedSpan, String relatedMessage) {
    if (related.size() >= MAX_RELATED) {
      return this;
    }
    List<Related> all = new ArrayList<>(related);
    all.add(new Related(relatedSpan, relatedMessage));
    return new Diagnostic(severity, code, span, message, hint, all);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    var p = span.begin();
    return span.file().path() + ":" + p.line() + ":" + p.column() + ": " + severity.label()
        + "[" + code.id() + "]: " + message;
  }
}
