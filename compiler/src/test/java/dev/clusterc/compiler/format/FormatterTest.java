package dev.clusterc.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Block;
import dev.clusterc.compiler.syntax.Entry;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.Name;
import dev.clusterc.compiler.syntax.SourceUnit;
import dev.clusterc.compiler.syntax.StrPart;
import dev.clusterc.compiler.syntax.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The formatter's contract around the layout rules: its precondition, the examples, odd inputs. */
class FormatterTest {

  @Test
  void refusesFilesWithSyntaxErrors() {
    SourceUnit broken = FormatCheck.parse("broken.cluster", "node a { role worker\n");
    assertTrue(broken.hasErrors());
    assertThrows(IllegalArgumentException.class, () -> Formatter.format(broken));
  }

  @Test
  void examplesOfTheLanguageBriefFormatWell() {
    for (String name : List.of("language-seed001.cluster", "language-seed000.cluster")) {
      String text = RepoFiles.read(RepoFiles.goldenDir().resolve(name));
      String once = FormatCheck.assertFormatsWell(name, text);
      assertEquals(List.of(), FormatCheck.parse(name, once).diagnostics());
      assertEquals(once, Formatter.format(FormatCheck.parse(name, once)));
    }
  }

  @Test
  void emptyFileStaysEmpty() {
    assertEquals("", FormatCheck.assertFormatsWell("empty.cluster", ""));
    assertEquals("", FormatCheck.assertFormatsWell("blank.cluster", "\n\n  \n;\n"));
  }

  @Test
  void carriageReturnsBecomeNewlines() {
    String text = "node a {\r\n  role worker\r\n\r\n\r\n  address 10.0.0.1\r\n}\r\nnode b { role worker }\r";
    assertEquals("node a {\n  role worker\n\n  address 10.0.0.1\n}\nnode b { role worker }\n",
        FormatCheck.assertFormatsWell("crlf.cluster", text));
  }

  @Test
  void textBlockWithCarriageReturnsKeepsItsValue() {
    String text = "app a {\r\n  manifests \"\"\"\r\n    kind: ConfigMap\r\n    \"\"\"\r\n}\r\n";
    assertEquals("app a {\n  manifests \"\"\"\n    kind: ConfigMap\n    \"\"\"\n}\n",
        FormatCheck.assertFormatsWell("crlf-text.cluster", text));
  }

  @Test
  void carriageReturnsBeforeALineBreakInATextBlockFormatOnce() {
    for (String body : new String[] {"x\r\r\ny", "x\r\r\r\n\r\ny", "x\ry\r\r\n", "\r\r\nx"}) {
      String text = "app a {\n  manifests \"\"\"\n" + body + "\"\"\"\n}\n";
      String once = FormatCheck.assertFormatsWell("cr-text.cluster", text);
      assertEquals(manifests(text), manifests(once), "the value of " + body.replace("\r", "\\r").replace("\n", "\\n"));
    }
    assertEquals("x\ny", manifests("app a {\n  manifests \"\"\"\nx\r\r\ny\"\"\"\n}\n"));
    assertEquals("x\ry", manifests("app a {\n  manifests \"\"\"\nx\ry\"\"\"\n}\n"));
  }

  private static String manifests(String text) {
    return SyntaxWalk.values(FormatCheck.parse("t.cluster", text)).stream()
        .filter(v -> v instanceof Value.Str).map(v -> ((Value.Str) v).parts())
        .map(parts -> parts.stream().map(p -> ((StrPart.Text) p).text()).reduce("", String::concat))
        .findFirst().orElseThrow();
  }

  @Test
  void emptyEntryBlockIsNotTurnedIntoAnEmptyMap() {
    // After an entry key `{}` parses as an empty map, so an empty block must keep a `;`.
    assertEquals("app a { resources {;}; env {} }\n", FormatCheck.assertFormatsWell("e.cluster", "app a { resources { ; } ; env { } }"));
    assertEquals("app a {\n  resources {;\n    # nothing yet\n  }\n}\n",
        FormatCheck.assertFormatsWell("e.cluster", "app a {\n resources { ;\n # nothing yet\n }\n}"));
  }

  @Test
  void aCommentThatEndedALineOfCodeNeverBecomesADocComment() {
    assertEquals("# not a doc\n\nnode a {}\n", FormatCheck.assertFormatsWell("doc.cluster", "; # not a doc\nnode a {}"));
    assertEquals("# doc\n# not a doc\n\nnode a {}\n",
        FormatCheck.assertFormatsWell("doc.cluster", "# doc\n; # not a doc\nnode a {}"));
  }

  @Test
  void commentsInsideValuesStayWithTheirItems() {
    String text = "template t(a: list = [x, # first\n  y], # after a\n b: int) for app {\n  manifests \"\"\"\nk: v\n\"\"\" # after text\n}\n";
    assertEquals("template t(\n  a: list = [\n    x, # first\n    y,\n  ], # after a\n  b: int,\n) for app {\n"
        + "  manifests \"\"\"\nk: v\n\"\"\" # after text\n}\n", FormatCheck.assertFormatsWell("values.cluster", text));
  }

  @Test
  void lineWidthDecidesOneLineBlocks() {
    String entries = "a 1; b 2; c 3; d 4; e 5; f 6; g 7; h 8; i 9; j 10; k 11; l 12; m 13; n 14; o 15; p 16";
    String fits = "app x { " + entries + "; q 1 }"; // 98 columns
    String tooWide = "app x { " + entries + "; q 1; r 2 }";
    assertEquals(fits + "\n", FormatCheck.assertFormatsWell("fits.cluster", fits));
    assertTrue(FormatCheck.assertFormatsWell("wide.cluster", tooWide).startsWith("app x {\n  a 1\n"));
  }

  @Test
  void mapKeysThatAreNotIdentifiersStayStrings() {
    assertEquals("app a { env { TZ: \"UTC\", \"a.b/c\": 1, use: 2, \"\": 3 } }\n",
        FormatCheck.assertFormatsWell("keys.cluster", "app a { env { \"TZ\": \"UTC\", \"a.b/c\": 1, \"use\": 2, \"\": 3 } }"));
  }

  @Test
  void treesNotFromSourcePrintStringsFromTheirParts() {
    SourceFile nowhere = new SourceFile("generated.cluster", "");
    SourceSpan at = SourceSpan.at(nowhere, 0);
    Value.Str str = new Value.Str(at, List.of(new StrPart.Text("q\" b\\ n\n t\t ${x} $y "),
        new StrPart.Interpolation("name", at), new StrPart.Text("$")), false);
    Value.Str block = new Value.Str(at, List.of(new StrPart.Text("kind: x\nname: "), new StrPart.Interpolation("name", at)), true);
    Entry entry = new Entry(at, new Name(at, "image"), List.of(str), null);
    Entry manifests = new Entry(at, new Name(at, "manifests"), List.of(block), null);
    Item app = new Item.Declaration(at, "", new Name(at, "app"), new Name(at, "a"), null,
        new Block(at, List.of(entry, manifests), true));
    String text = Formatter.format(new SourceUnit(nowhere, List.of(app), List.of(), List.of()));
    assertEquals("app a {\n  image \"q\\\" b\\\\ n\\n t\\t \\${x} $y ${name}$\"\n  manifests \"\"\"\nkind: x\nname: ${name}\"\"\"\n}\n", text);
    assertEquals(SyntaxShape.of(List.of(app)), SyntaxShape.of(FormatCheck.parse("generated.cluster", text)));
  }

  @Test
  void neverCorruptsAFileWhoseOffsetsAreOff() {
    // Characters outside the BMP: either the parser's offsets are right and the file formats well,
    // or the formatter refuses it; it never writes a broken file.
    String text = "# \uD83D\uDE80 launch\napp a { image \"\uD83D\uDE00\"; env { K: \"v\" } }\n";
    try {
      FormatCheck.assertFormatsWell("emoji.cluster", text);
    } catch (IllegalArgumentException refused) {
      assertTrue(refused.getMessage().contains("offsets"), refused.getMessage());
    }
  }
}
