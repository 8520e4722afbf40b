package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inlay hints over the protocol: the homelab's (golden {@code inlay/homelab.golden}), a range's, and none outside a cluster. */
class InlayHintsTest {
  @TempDir
  Path dir;

  @Test
  void theHomelabShowsHostsDefaultsAndLayers() throws IOException {
    Path file = copyHomelab();
    String text = Files.readString(file);
    try (LspHarness lsp = LspHarness.start()) {
      assertTrue(lsp.initialized.getCapabilities().getInlayHintProvider().getLeft());
      String uri = lsp.open(file);
      lsp.diagnostics(uri, d -> !d.isEmpty());
      List<InlayHint> hints = hints(lsp, uri, new Range(new Position(0, 0), new Position(10_000, 0)));
      assertTrue(hints.stream().allMatch(h -> Boolean.TRUE.equals(h.getPaddingLeft())));
      Goldens.check("inlay/homelab.golden", render(text, hints));
    }
  }

  @Test
  void onlyTheRequestedRangeIsAnswered() throws IOException {
    Path file = copyHomelab();
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file);
      lsp.diagnostics(uri, d -> !d.isEmpty());
      List<InlayHint> all = hints(lsp, uri, new Range(new Position(0, 0), new Position(10_000, 0)));
      List<InlayHint> some = hints(lsp, uri, new Range(new Position(100, 0), new Position(104, 0)));
      assertFalse(some.isEmpty());
      assertTrue(some.size() < all.size());
      assertTrue(some.stream().allMatch(h -> h.getPosition().getLine() >= 100 && h.getPosition().getLine() <= 104), some.toString());
      assertTrue(some.stream().anyMatch(h -> h.getLabel().getLeft().equals("route: sonarr.tosih.org")), some.toString());
    }
  }

  @Test
  void aDocumentOutsideAnyClusterGetsNone() throws IOException {
    Path lone = dir.resolve("lib/apps.cluster");
    Files.createDirectories(lone.getParent());
    Files.writeString(lone, "app web { image \"nginx:1.27\" }\n");
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(lone);
      lsp.diagnostics(uri, List::isEmpty);
      assertEquals(List.of(), hints(lsp, uri, new Range(new Position(0, 0), new Position(10, 0))));
    }
  }

  private static List<InlayHint> hints(LspHarness lsp, String uri, Range range) {
    return LspHarness.get(lsp.server.getTextDocumentService().inlayHint(new InlayHintParams(new TextDocumentIdentifier(uri), range)));
  }

  /** Each line that has hints, with them written in where the editor shows them: {@code text ⟨label⟩}. */
  private static String render(String text, List<InlayHint> hints) {
    String[] lines = text.split("\n", -1);
    Map<Integer, List<InlayHint>> byLine = new TreeMap<>();
    hints.forEach(h -> byLine.computeIfAbsent(h.getPosition().getLine(), l -> new java.util.ArrayList<>()).add(h));
    StringBuilder out = new StringBuilder("# examples/homelab/cluster.cluster: lines with inlay hints, each shown as ⟨label⟩\n");
    byLine.forEach((line, onLine) -> {
      StringBuilder shown = new StringBuilder();
      int from = 0;
      for (InlayHint hint : onLine.stream().sorted(Comparator.comparingInt((InlayHint h) -> h.getPosition().getCharacter())).toList()) {
        int at = hint.getPosition().getCharacter();
        shown.append(lines[line], from, at).append(" ⟨").append(hint.getLabel().getLeft()).append('⟩');
        from = at;
      }
      out.append(line + 1).append(": ").append(shown).append(lines[line].substring(from)).append('\n');
    });
    return out.toString();
  }

  private Path copyHomelab() throws IOException {
    Path target = dir.resolve("homelab");
    Files.createDirectories(target.resolve("secrets"));
    Path source = DiagnosticsTest.HOMELAB.getParent();
    try (var files = Files.list(source)) {
      for (Path each : files.toList()) {
        if (each.toString().endsWith(".cluster")) {
          Files.copy(each, target.resolve(each.getFileName()));
        }
      }
    }
    try (var files = Files.list(source.resolve("secrets"))) {
      for (Path each : files.toList()) {
        Files.copy(each, target.resolve("secrets").resolve(each.getFileName()));
      }
    }
    return target.resolve("cluster.cluster");
  }
}
