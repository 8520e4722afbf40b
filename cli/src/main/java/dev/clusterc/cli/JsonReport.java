package dev.clusterc.cli;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.JsonRenderer;
import java.util.List;

/**
 * The whole of {@code check --format json}: the diagnostics, then {@code "failures"}, the paths the
 * command could not use (each {@code {"path","message","hint"}}, exit 2), so that a program reading the
 * JSON never has to parse standard error. Exactly one of the two lists is non-empty, or neither.
 */
final class JsonReport {
  private JsonReport() {}

  static String render(List<Diagnostic> diagnostics, List<Failure> failures) {
    StringBuilder out = new StringBuilder("{\"diagnostics\":");
    JsonRenderer.array(diagnostics.stream().map(JsonRenderer::diagnostic).toList(), out);
    out.append(",\"failures\":");
    JsonRenderer.array(failures.stream().map(JsonReport::failure).toList(), out);
    return out.append("}\n").toString();
  }

  private static String failure(Failure f) {
    return "{\"path\":" + nullable(f.path()) + ",\"message\":" + JsonRenderer.string(f.reason())
        + ",\"hint\":" + nullable(f.hint()) + "}";
  }

  private static String nullable(String text) {
    return text == null ? "null" : JsonRenderer.string(text);
  }
}
