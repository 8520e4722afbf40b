package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folding through the protocol: every range rendered with the lines it starts and ends on, and
 * compared with a golden file under {@code folding/}.
 */
class FoldingRangesTest {
  static final Path HOMELAB = Path.of("../examples/homelab/cluster.cluster");

  @TempDir
  Path dir;

  private static List<FoldingRange> ranges(LspHarness lsp, Path file, String text) {
    String uri = lsp.open(file, text);
    return LspHarness.get(lsp.server.getTextDocumentService().foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(uri))));
  }

  /** One line per range: {@code START-END KIND | first line … last line}, lines 1-based. */
  static String render(List<FoldingRange> ranges, String text) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (FoldingRange range : ranges) {
      out.append(range.getStartLine() + 1).append('-').append(range.getEndLine() + 1).append(' ')
          .append(range.getKind() == null ? "region" : range.getKind()).append(" | ")
          .append(lines[range.getStartLine()].strip()).append(" … ").append(lines[range.getEndLine()].strip()).append('\n');
    }
    return out.toString();
  }

  @Test
  void theExampleFoldsItsBlocksImportsAndComments() throws IOException {
    String text = Files.readString(HOMELAB) + "\n# two lines\n# of comment\n";
    try (LspHarness lsp = LspHarness.start()) {
      assertEquals(Boolean.TRUE, lsp.initialized.getCapabilities().getFoldingRangeProvider().getLeft());
      List<FoldingRange> ranges = ranges(lsp, HOMELAB, text);
      assertTrue(ranges.stream().allMatch(r -> r.getEndLine() > r.getStartLine()), ranges.toString());
      Goldens.check("folding/homelab.golden", render(ranges, text));
    }
  }

  @Test
  void mapsListsAndTextBlocksFoldToo() throws IOException {
    Path file = Path.of("../examples/ddd-homelab/monitoring.cluster");
    String text = Files.readString(file);
    try (LspHarness lsp = LspHarness.start()) {
      List<FoldingRange> ranges = ranges(lsp, file, text);
      assertEquals(ranges.size(), ranges.stream().map(FoldingRange::getStartLine).distinct().count(), "one range per start line");
      Goldens.check("folding/monitoring.golden", render(ranges, text));
    }
  }

  @Test
  void aBrokenDocumentFoldsWhatParses() throws IOException {
    Path file = dir.resolve("broken.cluster");
    Files.writeString(file, "");
    String text = """
        # a broken file:
        # the app's block never closes
        import "lib/a.cluster"
        import "lib/b.cluster"
        use cilium
        gateway web {
          class cilium
          listener http {
            port 8080
          }
        }
        app web {
          image = "nginx:1.27"
          port http 80
        volume data { size 1Gi }
        """;
    try (LspHarness lsp = LspHarness.start()) {
      Goldens.check("folding/broken.golden", render(ranges(lsp, file, text), text));
    }
  }
}
