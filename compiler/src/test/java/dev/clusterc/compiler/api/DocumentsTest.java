package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One document on its own: decoded with the compiler's refusals and formatted, or not when broken. */
class DocumentsTest {
  @Test
  void aDocumentIsFormattedInTheCanonicalLayout() {
    Documents.Formatted formatted = Documents.format(new SourceFile("a.cluster", "app   web {image \"nginx:1.27\"}"));
    assertEquals(List.of(), formatted.diagnostics());
    assertEquals("app web { image \"nginx:1.27\" }\n", formatted.text().orElseThrow());
  }

  @Test
  void aDocumentWithSyntaxErrorsIsNotFormatted() {
    Documents.Formatted formatted = Documents.format(new SourceFile("a.cluster", "app web {"));
    assertTrue(formatted.text().isEmpty());
    assertTrue(formatted.diagnostics().stream().allMatch(d -> d.code() == Code.SYNTAX), formatted.diagnostics().toString());
    assertTrue(!formatted.diagnostics().isEmpty());
  }

  @Test
  void bytesThatAreNotASourceAreRefusedWithADiagnostic() {
    Documents.Read read = Documents.decode(new byte[] {'a', 0, 'b'}, "bin.cluster");
    assertTrue(read.problem().orElseThrow().message().contains("binary"), read.problem().toString());
    assertTrue(Documents.format(read).text().isEmpty());
    Documents.Read text = Documents.decode("\uFEFFapp x {}\n".getBytes(StandardCharsets.UTF_8), "x.cluster");
    assertEquals("app x {}\n", text.file().text(), "the byte-order mark is dropped");
  }

  @Test
  void theMinimalEditReplacesWholeLinesAtBothEnds() {
    SourceFile before = new SourceFile("a.cluster", "node a { role worker }\nnode bb { size 2 }\nnode c { role worker }\n");
    String after = "node a { role worker }\nnode b { size 2 }\nnode c { role worker }\n";
    dev.clusterc.compiler.diag.TextEdit edit = Documents.minimalEdit(before, after);
    assertEquals("node bb { size 2 }\n", edit.span().text(), "from the start of the changed line to the start of the next");
    assertEquals("node b { size 2 }\n", edit.newText());
    assertEquals(after, dev.clusterc.compiler.diag.TextEdit.apply(before, List.of(edit)));
    dev.clusterc.compiler.diag.TextEdit none = Documents.minimalEdit(before, before.text());
    assertEquals("", none.newText());
    assertEquals(0, none.span().end());
  }

  @Test
  void theMinimalEditOfAChangedLastLineWithoutNewlineEndsAtTheEnd() {
    SourceFile before = new SourceFile("a.cluster", "a\nbb x");
    dev.clusterc.compiler.diag.TextEdit edit = Documents.minimalEdit(before, "a\nb x");
    assertEquals("bb x", edit.span().text());
    assertEquals("b x", edit.newText());
  }
}
