package dev.clusterc.compiler.diag;

import dev.clusterc.compiler.source.Position;
import java.util.List;

/**
 * Prints diagnostics as the brief's JSON: {@code {"diagnostics":[{"file","line","column","endLine",
 * "endColumn","severity","code","message"}]}}, 1-based, one object per line inside the array.
 */
public final class JsonRenderer {
  private JsonRenderer() {}

  public static String render(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder("{\"diagnostics\":[");
    for (int i = 0; i < diagnostics.size(); i++) {
      Diagnostic d = diagnostics.get(i);
      Position begin = d.span().begin();
      Position end = d.span().finish();
      out.append(i == 0 ? "\n" : ",\n")
          .append("{\"file\":").append(string(d.span().file().path()))
          .append(",\"line\":").append(begin.line())
          .append(",\"column\":").append(begin.column())
          .append(",\"endLine\":").append(end.line())
          .append(",\"endColumn\":").append(end.column())
          .append(",\"severity\":").append(string(d.severity().label()))
          .append(",\"code\":").append(string(d.code().id()))
          .append(",\"message\":").append(string(d.message()))
          .append('}');
    }
    return out.append(diagnostics.isEmpty() ? "]}\n" : "\n]}\n").toString();
  }

  static String string(String text) {
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
          if (c < 0x20) {
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
