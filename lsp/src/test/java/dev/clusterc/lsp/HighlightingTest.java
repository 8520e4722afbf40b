package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.lsp.feature.Highlighting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Semantic tokens over the protocol: the compiler's roles, encoded as clients decode them. */
class HighlightingTest {
  static final Path EXAMPLES = Path.of("../examples");

  @TempDir
  Path dir;

  @Test
  void aSmallDocumentIsColouredByWhatEachWordIs() throws IOException {
    String text = """
        # a small cluster
        cluster small {
          domain "small.example"
          network { nodes 10.0.0.0/24 }
        }
        node cp { role control-plane; address 10.0.0.2 }
        use cilium
        template web(port: int = 80) for app {
          image "nginx:${port}"
          port http $port
        }
        volume data { size 1Gi; backup none }
        app site from web(port: 8080) {
          mount data at "/data"
          labels { tier: "front" }
          command [\"\"\"
            two
            lines
            \"\"\"]
        }
        """;
    Path file = dir.resolve("small.cluster");
    Files.writeString(file, text);
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file);
      DecodedTokens tokens = tokens(lsp, uri);
      tokens.assertWellFormed(text);
      Goldens.check("highlighting/small.golden", tokens.render(text));
    }
  }

  @Test
  void theCapabilityCarriesTheLegend() throws IOException {
    try (LspHarness lsp = LspHarness.start()) {
      var provider = lsp.initialized.getCapabilities().getSemanticTokensProvider();
      assertEquals(Highlighting.LEGEND, provider.getLegend());
      assertTrue(provider.getFull().getLeft());
    }
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> dirs = Files.list(EXAMPLES)) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyFileOfEveryExampleTokenises(Path example) throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(example)) {
      files = listed.filter(p -> p.toString().endsWith(".cluster")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no .cluster file in " + example);
    try (LspHarness lsp = LspHarness.start()) {
      for (Path file : files) {
        String uri = lsp.open(file);
        DecodedTokens tokens = tokens(lsp, uri);
        String text = Files.readString(file);
        tokens.assertWellFormed(text);
        assertTrue(tokens.tokens().size() > 10, "too few tokens for " + file + ": " + tokens.tokens().size());
        assertTrue(tokens.tokens().stream().anyMatch(t -> t.type().equals("keyword")), "no keyword in " + file);
        assertTrue(tokens.tokens().stream().anyMatch(t -> t.type().equals("property")), "no entry key in " + file);
      }
      assertFalse(lsp.serverLog().contains("failed"), lsp.serverLog());
    }
  }

  static DecodedTokens tokens(LspHarness lsp, String uri) {
    var answer = LspHarness.get(lsp.server.getTextDocumentService().semanticTokensFull(
        new SemanticTokensParams(new TextDocumentIdentifier(uri))));
    return DecodedTokens.decode(answer.getData());
  }
}
