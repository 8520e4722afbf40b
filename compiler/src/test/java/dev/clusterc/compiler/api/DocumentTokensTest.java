package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.source.SourceFile;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The tokens an editor colours: roles from the compiler's own lexer, tree and reference index. */
class DocumentTokensTest {
  private static final String TEXT = DefinitionTest.CLUSTER + """
      # data lives here
      volume data { size 1Gi; backup nightly; access rwo }
      template web-app(port: INT = 80) for app { image "nginx:${port}"; port $port }
      app site from web-app(port: 8080) { mount data at "/data"; labels { tier: "front" } }
      import "other.cluster"
      """;

  private static String render(List<DocumentToken> tokens) {
    return tokens.stream()
        .map(t -> t.span().text() + " " + t.role() + (t.modifiers().isEmpty() ? ""
            : t.modifiers().stream().map(Enum::name).sorted().collect(Collectors.joining(",", " [", "]"))))
        .collect(Collectors.joining("\n"));
  }

  private static List<DocumentToken> analysed(String text) {
    return Cursor.in(text + "|").navigator.tokens("test.cluster");
  }

  @Test
  void wordsThatNameDeclarationsAreReferencesAndTheLibrarysAreMarked() {
    String tokens = render(analysed(TEXT));
    assertTrue(tokens.contains("\nvolume KIND\ndata NAME [DECLARATION]\nsize ENTRY_KEY\n"), tokens);
    assertTrue(tokens.contains("\nbackup ENTRY_KEY\nnightly REFERENCE\n"), tokens);
    assertTrue(tokens.contains("\naccess ENTRY_KEY\nrwo SYMBOL\n"), tokens);
    assertTrue(tokens.contains("\nuse KEYWORD\ncilium REFERENCE [LIBRARY]\n"), tokens);
    assertTrue(tokens.contains("\nvia ENTRY_KEY\ncilium REFERENCE [LIBRARY]\n"), tokens);
    assertTrue(tokens.contains("\n# data lives here COMMENT\n"), tokens);
    assertTrue(tokens.contains("\ntemplate KEYWORD\nweb-app TEMPLATE_NAME [DECLARATION]\nport PARAMETER [DECLARATION]\n: OPERATOR\n"
        + "INT TYPE\n= OPERATOR\n80 NUMBER\nfor KEYWORD\napp KIND\n"), tokens);
    assertTrue(tokens.contains("\n\"nginx: STRING\n${port} INTERPOLATION\n\" STRING\n"), tokens);
    assertTrue(tokens.contains("\n$port PARAMETER\n"), tokens);
    assertTrue(tokens.contains("\nfrom KEYWORD\nweb-app TEMPLATE_NAME\nport PARAMETER\n: OPERATOR\n8080 NUMBER\n"), tokens);
    assertTrue(tokens.contains("\nmount ENTRY_KEY\ndata REFERENCE\nat KEYWORD\n\"/data\" STRING\n"), tokens);
    assertTrue(tokens.contains("\ntier MAP_KEY\n: OPERATOR\n\"front\" STRING\n"), tokens);
    assertTrue(tokens.contains("\n10.0.0.0/24 ADDRESS\n"), tokens);
    assertTrue(tokens.endsWith("\nimport KEYWORD\n\"other.cluster\" STRING"), tokens);
  }

  @Test
  void anUndeclaredNameWhereAReferenceIsExpectedStillReadsAsOne() {
    String tokens = render(analysed(TEXT + "app other { image \"x:1\"; mount nowhere at \"/x\"; database pg as PG; depends-on [site, ghost] }\n"));
    assertTrue(tokens.contains("\nmount ENTRY_KEY\nnowhere REFERENCE\nat KEYWORD\n"), tokens);
    assertTrue(tokens.contains("\ndatabase ENTRY_KEY\npg REFERENCE\nas KEYWORD\nPG SYMBOL\n"), tokens);
    assertTrue(tokens.contains("\ndepends-on ENTRY_KEY\nsite REFERENCE\nghost REFERENCE"), tokens);
  }

  @Test
  void tokensAreSortedDisjointAndInsideTheText() {
    List<DocumentToken> tokens = analysed(TEXT + "app broken { mount \n  \"\"\"\n  two lines\n  \"\"\"\n");
    int end = 0;
    for (DocumentToken token : tokens) {
      assertTrue(token.span().start() >= end && token.span().end() > token.span().start(), render(tokens));
      end = token.span().end();
    }
  }

  @Test
  void aDocumentOnItsOwnHasSyntaxRolesOnly() {
    String tokens = render(Documents.tokens(new SourceFile("lone.cluster",
        "use cilium\nvolume v { backup nightly; access rwo }\npool p { via cilium }\n")));
    assertEquals("use KEYWORD\ncilium REFERENCE\nvolume KIND\nv NAME [DECLARATION]\nbackup ENTRY_KEY\nnightly REFERENCE\n"
        + "access ENTRY_KEY\nrwo SYMBOL\npool KIND\np NAME [DECLARATION]\nvia ENTRY_KEY\ncilium SYMBOL", tokens);
    assertEquals(List.of(), Cursor.in("|").navigator.tokens("nowhere.cluster"));
  }
}
