package dev.clusterc.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRendererTest {
  private final SourceFile file = new SourceFile("a.cluster", "node a { }\nnode a { }\n");

  @Test
  void everyKeyInItsPlace() {
    Diagnostic d = Diagnostic.error(Code.DUPLICATE_DECLARATION, new SourceSpan(file, 16, 17), "node `a` is declared twice")
        .withHint("rename one")
        .withRelated(new SourceSpan(file, 5, 6), "first declared here");
    assertEquals("{\"diagnostics\":[\n"
        + "{\"file\":\"a.cluster\",\"line\":2,\"column\":6,\"endLine\":2,\"endColumn\":7,\"severity\":\"error\","
        + "\"code\":\"duplicate-declaration\",\"message\":\"node `a` is declared twice\",\"hint\":\"rename one\","
        + "\"related\":[{\"file\":\"a.cluster\",\"line\":1,\"column\":6,\"endLine\":1,\"endColumn\":7,"
        + "\"message\":\"first declared here\"}],\"fixes\":[]}\n"
        + "]}\n", JsonRenderer.render(List.of(d)));
  }

  @Test
  void fixesComeLastWithTheirEdits() {
    Diagnostic d = Diagnostic.error(Code.UNKNOWN_KIND, new SourceSpan(file, 0, 4), "m")
        .withFix(Fix.replace("replace with `nodes`", new SourceSpan(file, 0, 4), "nodes"))
        .withFix(new Fix("two edits", List.of(TextEdit.insert(file, 11, "# x\n"), new TextEdit(new SourceSpan(file, 16, 17), "b"))));
    String json = JsonRenderer.diagnostic(d);
    assertEquals(",\"related\":[],\"fixes\":["
        + "{\"title\":\"replace with `nodes`\",\"edits\":[{\"file\":\"a.cluster\",\"line\":1,\"column\":1,\"endLine\":1,"
        + "\"endColumn\":5,\"newText\":\"nodes\"}]},"
        + "{\"title\":\"two edits\",\"edits\":[{\"file\":\"a.cluster\",\"line\":2,\"column\":1,\"endLine\":2,\"endColumn\":1,"
        + "\"newText\":\"# x\\n\"},{\"file\":\"a.cluster\",\"line\":2,\"column\":6,\"endLine\":2,\"endColumn\":7,\"newText\":\"b\"}]}]}",
        json.substring(json.indexOf(",\"related\"")));
  }

  @Test
  void noHintIsNullAndNoRelatedIsAnEmptyList() {
    Diagnostic d = Diagnostic.warning(Code.IMAGE_UNPINNED, new SourceSpan(file, 0, 4), "m");
    String json = JsonRenderer.diagnostic(d);
    org.junit.jupiter.api.Assertions.assertTrue(json.endsWith(",\"message\":\"m\",\"hint\":null,\"related\":[],\"fixes\":[]}"), json);
  }

  @Test
  void nothingIsAnEmptyList() {
    assertEquals("{\"diagnostics\":[]}\n", JsonRenderer.render(List.of()));
  }

  @Test
  void stringsAreEscaped() {
    assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", JsonRenderer.string("a\"b\\c\nd\u0001"));
    assertEquals("\"\\ud800x\"", JsonRenderer.string("\ud800x"), "a lone surrogate");
    assertEquals("\"\ud83d\ude00\"", JsonRenderer.string("\ud83d\ude00"), "a pair stays as it is");
  }
}
