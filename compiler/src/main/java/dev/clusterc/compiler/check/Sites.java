package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Item;

/**
 * Where to point at an entry that a declaration got from a template, so that the user lands on
 * something they can edit.
 *
 * <p>An entry of a template the user wrote keeps its place in the template, with a note at the
 * declaration's {@code from}; an entry of a standard-library template is reported at the
 * {@code from} itself. Entries written in the declaration, and template arguments, are left alone.
 */
final class Sites {
  private Sites() {}

  /** The diagnostic about {@code decl}, moved or annotated when its span lies in a template. */
  static Diagnostic placed(Program program, Decl decl, Diagnostic diagnostic) {
    Item.TemplateCall call = decl.source().from();
    if (!fromTemplate(decl, diagnostic.span()) || call.template() == null) {
      return diagnostic;
    }
    String template = call.template().text();
    if (inSources(program, diagnostic.span())) {
      return diagnostic.withRelated(call.template().span(), decl.label() + " takes this from template `" + template + "`");
    }
    return new Diagnostic(diagnostic.severity(), diagnostic.code(), call.template().span(),
        diagnostic.message() + " (from template `" + template + "`)", diagnostic.hint(), diagnostic.related());
  }

  /** A span for a note about {@code decl}: its {@code from} when the span lies in a standard-library template. */
  static SourceSpan editable(Program program, Decl decl, SourceSpan span) {
    Item.TemplateCall call = decl.source().from();
    if (!fromTemplate(decl, span) || call.template() == null || inSources(program, span)) {
      return span;
    }
    return call.template().span();
  }

  private static boolean fromTemplate(Decl decl, SourceSpan span) {
    SourceSpan own = decl.source().span();
    boolean inside = own.file() == span.file() && own.start() <= span.start() && span.end() <= own.end();
    return !decl.isStd() && decl.source().from() != null && !inside;
  }

  private static boolean inSources(Program program, SourceSpan span) {
    return program.units().stream().anyMatch(u -> u.file() == span.file());
  }
}
