package dev.clusterc.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The human renderer's output grows with the number of problems shown, never with the length of a line. */
class HumanRendererLimitsTest {
  private static final HumanRenderer PLAIN = new HumanRenderer(false);

  @Test
  void aLongLineIsCutToAWindowAroundTheSpan() {
    String line = "a".repeat(5_000) + " bad " + "b".repeat(5_000);
    SourceFile file = new SourceFile("long.cluster", line + "\n");
    int at = line.indexOf("bad");
    String out = PLAIN.render(List.of(Diagnostic.error(Code.SYNTAX, new SourceSpan(file, at, at + 3), "stray word")));
    String[] lines = out.split("\n");
    assertEquals("1 | …" + "a".repeat(39) + " bad " + "b".repeat(Excerpt.WIDTH - 44) + "…", lines[2]);
    assertEquals("  | " + " ".repeat(41) + "^^^", lines[3]);
  }

  @Test
  void aShortLineIsShownWhole() {
    SourceFile file = new SourceFile("short.cluster", "app x {\timage 1 }\n");
    String out = PLAIN.render(List.of(Diagnostic.error(Code.TYPE_MISMATCH, new SourceSpan(file, 14, 15), "expected a string")));
    assertEquals("""
        short.cluster:1:15: error[type-mismatch]: expected a string
          |
        1 | app x { image 1 }
          |               ^
        """, out);
  }

  @Test
  void manyDiagnosticsOnOneHugeLineStayProportionate() {
    String line = "x 1; ".repeat(200_000);
    SourceFile file = new SourceFile("huge.cluster", line);
    List<Diagnostic> all = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      all.add(Diagnostic.error(Code.UNKNOWN_PROPERTY, new SourceSpan(file, i * 5, i * 5 + 1), "`x` is not a property"));
    }
    String out = PLAIN.render(all);
    assertTrue(out.length() < 20_000, "output of " + out.length() + " characters");
    assertTrue(out.endsWith("huge.cluster: note: 19980 more error[unknown-property] in this file not shown\n"), out);
  }

  @Test
  void aHugeMessageKeepsItsStartAndEnd() {
    SourceFile file = new SourceFile("name.cluster", "app x {}\n");
    String word = "w".repeat(1_000_000);
    String out = PLAIN.render(List.of(Diagnostic.error(Code.DUPLICATE_DECLARATION, new SourceSpan(file, 4, 5),
        "there is already an app named `" + word + "`")));
    assertTrue(out.length() < 2_000, "output of " + out.length() + " characters");
    assertTrue(out.startsWith("name.cluster:1:5: error[duplicate-declaration]: there is already an app named `www"), out);
    assertTrue(out.contains("w…w"), out);
  }

  @Test
  void relatedPlacesAreCapped() {
    SourceFile file = new SourceFile("notes.cluster", "pool p {}\n");
    Diagnostic d = Diagnostic.error(Code.CIDR_OVERLAP, new SourceSpan(file, 5, 6), "overlap");
    for (int i = 0; i < 50; i++) {
      d = d.withRelated(new SourceSpan(file, 0, 4), "here");
    }
    String out = PLAIN.render(List.of(d));
    assertEquals(HumanRenderer.MAX_NOTES, out.split("note: notes.cluster", -1).length - 1);
    assertTrue(out.contains("note: and 40 more places"), out);
  }
}
