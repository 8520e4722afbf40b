package dev.clusterc.compiler.diag;

import dev.clusterc.compiler.source.Position;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;

/**
 * Prints diagnostics as the brief's JSON, {@code {"diagnostics":[{"file","line","column","endLine",
 * "endColumn","severity","code","message", …}]}}, 1-based, one object per line inside the array. After the
 * brief's keys come {@code "hint"} (a string or {@code null}) and {@code "related"}: the places the text form
 * prints as notes, each {@code {"file","line","column","endLine","endColumn","message"}}, and {@code "fixes"}:
 * the edits an editor could apply, each {@code {"title","edits":[{"file","line","column","endLine","endColumn",
 * "newText"}]}}. Keys are only ever added at the end, so a reader of the brief's shape keeps working.
 */
public final class JsonRenderer {
  private JsonRenderer() {}

  public static String render(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder("{\"diagnostics\":");
    array(diagnostics.stream().map(JsonRenderer::diagnostic).toList(), out);
    return out.append("}\n").toString();
  }

  /** {@code [}, one element per line, {@code ]}; {@code []} when empty. */
  public static void array(List<String> elements, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < elements.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n").append(elements.get(i));
    }
    out.append(elements.isEmpty() ? "]" : "\n]");
  }

  /** One diagnostic as one JSON object on one line. */
  public static String diagnostic(Diagnostic d) {
    StringBuilder out = new StringBuilder("{");
    span(d.span(), out);
    out.append(",\"severity\":").append(string(d.severity().label()))
        .append(",\"code\":").append(string(d.code().id()))
        .append(",\"message\":").append(string(d.message()))
        .append(",\"hint\":").append(d.hint() == null ? "null" : string(d.hint()))
        .append(",\"related\":[");
    for (int i = 0; i < d.related().size(); i++) {
      Diagnostic.Related related = d.related().get(i);
      out.append(i == 0 ? "{" : ",{");
      span(related.span(), out);
      out.append(",\"message\":").append(string(related.message())).append('}');
    }
    out.append("],\"fixes\":[");
    for (int i = 0; i < d.fixes().size(); i++) {
      Fix fix = d.fixes().get(i);
      out.append(i == 0 ? "{" : ",{").append("\"title\":").append(string(fix.title())).append(",\"edits\":[");
      for (int j = 0; j < fix.edits().size(); j++) {
        TextEdit edit = fix.edits().get(j);
        out.append(j == 0 ? "{" : ",{");
        span(edit.span(), out);
        out.append(",\"newText\":").append(string(edit.newText())).append('}');
      }
      out.append("]}");
    }
    return out.append("]}").toString();
  }

  private static void span(SourceSpan span, StringBuilder out) {
    Position begin = span.begin();
    Position end = span.finish();
    out.append("\"file\":").append(string(span.file().path()))
        .append(",\"line\":").append(begin.line())
        .append(",\"column\":").append(begin.column())
        .append(",\"endLine\":").append(end.line())
        .append(",\"endColumn\":").append(end.column());
  }

  /** A JSON string literal: quotes, backslashes, control characters and lone surrogates escaped. */
  public static String string(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
              : Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
          if (c < 0x20 || (Character.isSurrogate(c) && !paired)) {
            // A lone surrogate cannot be written as UTF-8; escaped, the JSON stays valid and says what was there.
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
