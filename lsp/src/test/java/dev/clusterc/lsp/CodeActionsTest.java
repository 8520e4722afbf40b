package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.api.Documents;
import dev.clusterc.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quick fixes over the protocol, on the compiler's check cases: what each diagnostic is offered
 * (golden files under {@code actions/}), and each offer applied as an editor applies it — the
 * diagnostic goes away (or, for {@code allow}, is accepted), no new error appears, and a formatted
 * file stays formatted.
 */
class CodeActionsTest {
  static final Path CASES = Path.of("../compiler/src/test/resources/check");
  static final List<String> FIXTURES = List.of("quorum", "quorum--four-nodes", "unbacked-volume", "unbacked-volume--database",
      "missing-provider", "undefined-reference", "image-unpinned", "cidr-not-canonical", "hostname-outside-domain",
      "unbacked-volume--policies", "unbacked-volume--longhorn-policy", "image-unpinned--template");
  /**
   * Cases of our own, where the compiler's have none to show (a volume that a policy could back up,
   * a finding two apps take from one template).
   */
  static final Path OWN_CASES = Path.of("src/test/resources/actions/cases");

  @TempDir
  Path dir;

  @TestFactory
  Stream<DynamicTest> everyOfferIsGoldenAndRemovesItsDiagnostic() {
    return FIXTURES.stream().map(name -> DynamicTest.dynamicTest(name, () -> offersOf(name)));
  }

  private void offersOf(String name) throws IOException {
    Path file = copy(name);
    String text = Files.readString(file);
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file);
      List<Diagnostic> published = lsp.diagnostics(uri, d -> !d.isEmpty());
      StringBuilder golden = new StringBuilder("# " + name + "/input.cluster (positions 1-based)\n");
      List<Diagnostic> sorted = published.stream()
          .sorted(Comparator.comparingInt((Diagnostic d) -> d.getRange().getStart().getLine()).thenComparing(d -> d.getCode().getLeft()))
          .toList();
      int offered = 0;
      for (Diagnostic diagnostic : sorted) {
        List<CodeAction> all = actions(lsp, uri, diagnostic.getRange(), List.of(diagnostic), null);
        assertTrue(all.stream().allMatch(a -> a.getDiagnostics().size() == 1 && published.contains(a.getDiagnostics().get(0))),
            "each action carries one diagnostic as published: " + all);
        // another finding at the same place (two apps taking one from a template) has its own actions
        List<CodeAction> actions = all.stream().filter(a -> a.getDiagnostics().equals(List.of(diagnostic))).toList();
        golden.append("diagnostic ").append(at(diagnostic.getRange().getStart())).append(' ').append(diagnostic.getCode().getLeft()).append('\n');
        for (CodeAction action : actions) {
          offered++;
          assertEquals(CodeActionKind.QuickFix, action.getKind());
          assertEquals(List.of(diagnostic), action.getDiagnostics(), "the action carries the diagnostic the client sent");
          golden.append("  action \"").append(action.getTitle()).append('"')
              .append(Boolean.TRUE.equals(action.getIsPreferred()) ? " (preferred)" : "").append('\n');
          for (Map.Entry<String, List<TextEdit>> change : action.getEdit().getChanges().entrySet()) {
            assertEquals(uri, change.getKey(), "the fixes of these cases edit the document itself");
            for (TextEdit edit : change.getValue()) {
              golden.append("    edit ").append(at(edit.getRange().getStart())).append('-').append(at(edit.getRange().getEnd()))
                  .append(' ').append(quoted(edit.getNewText())).append('\n');
            }
          }
          removes(lsp, uri, text, published, diagnostic, action);
        }
      }
      assertTrue(offered > 0, name + " offers a fix");
      Goldens.check("actions/" + name + ".golden", golden.toString());
    }
  }

  /** Applies the action as an editor would, waits for the diagnostics that follow, and goes back to {@code text}. */
  private static void removes(LspHarness lsp, String uri, String text, List<Diagnostic> before, Diagnostic target, CodeAction action) {
    String after = LspText.apply(text, action.getEdit().getChanges().get(uri));
    if (Documents.format(new SourceFile("input.cluster", text)).text().map(text::equals).orElse(false)) {
      assertEquals(after, Documents.format(new SourceFile("input.cluster", after)).text().orElse(null),
          action.getTitle() + " leaves a formatted file as clusterc fmt would");
    }
    lsp.change(uri, after);
    boolean accepting = action.getTitle().startsWith("accept ");
    List<Diagnostic> now = lsp.diagnostics(uri, d -> !d.equals(before));
    String code = target.getCode().getLeft();
    String message = base(target);
    if (accepting) {
      assertTrue(now.stream().anyMatch(d -> code.equals(d.getCode().getLeft()) && d.getSeverity() == DiagnosticSeverity.Warning
          && base(d).startsWith(message + " (accepted: ")), action.getTitle() + " accepts " + message + ": " + now);
    } else {
      assertTrue(now.stream().noneMatch(d -> code.equals(d.getCode().getLeft()) && base(d).equals(message)),
          action.getTitle() + " removes " + message + ": " + now);
    }
    for (Diagnostic d : now) {
      assertFalse(d.getSeverity() == DiagnosticSeverity.Error && before.stream().noneMatch(b -> b.getSeverity() == DiagnosticSeverity.Error
          && b.getCode().getLeft().equals(d.getCode().getLeft()) && base(b).equals(base(d))), action.getTitle() + " brought " + d);
      assertFalse("unused-allow".equals(d.getCode().getLeft()), action.getTitle() + " brought " + d);
    }
    lsp.change(uri, text);
    lsp.diagnostics(uri, d -> d.equals(before));
  }

  @Test
  void onlyQuickFixesAreOfferedAndOnlyWhenAsked() throws IOException {
    Path file = copy("quorum");
    try (LspHarness lsp = LspHarness.start()) {
      var options = lsp.initialized.getCapabilities().getCodeActionProvider().getRight();
      assertEquals(List.of(CodeActionKind.QuickFix), options.getCodeActionKinds());
      String uri = lsp.open(file);
      Diagnostic quorum = lsp.diagnostics(uri, d -> !d.isEmpty()).get(0);
      assertEquals(List.of(), actions(lsp, uri, quorum.getRange(), List.of(quorum), List.of(CodeActionKind.Refactor)));
      assertEquals(2, actions(lsp, uri, quorum.getRange(), List.of(quorum), List.of(CodeActionKind.QuickFix)).size());
      Range elsewhere = new Range(new Position(0, 0), new Position(0, 1));
      assertEquals(List.of(), actions(lsp, uri, elsewhere, List.of(), null), "the comment on line 1 has no diagnostic");
    }
  }

  @Test
  void aCursorOnTheDiagnosticWithoutContextStillGetsItsFixes() throws IOException {
    Path file = copy("undefined-reference");
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(file);
      Diagnostic undefined = lsp.diagnostics(uri, d -> !d.isEmpty()).get(0);
      Position inside = new Position(undefined.getRange().getStart().getLine(), undefined.getRange().getStart().getCharacter() + 1);
      List<CodeAction> actions = actions(lsp, uri, new Range(inside, inside), List.of(), null);
      assertEquals("replace with `config`", actions.get(0).getTitle());
      assertEquals("undefined-reference", actions.get(0).getDiagnostics().get(0).getCode().getLeft(), "attached as published");
    }
  }

  @Test
  void aQuorumFoundInTheNodesFileIsAcceptedInTheClustersFile() throws IOException {
    Path cluster = dir.resolve("split/cluster.cluster");
    Files.createDirectories(cluster.getParent());
    Files.writeString(cluster, "cluster lab {\n  domain \"lab.internal\"\n  network { nodes 10.0.0.0/24 }\n}\n");
    Path nodes = cluster.resolveSibling("nodes.cluster");
    Files.writeString(nodes, "node cp0 { role control-plane; address 10.0.0.10 }\nnode cp1 { role control-plane; address 10.0.0.11 }\n");
    try (LspHarness lsp = LspHarness.start()) {
      String uri = lsp.open(nodes);
      Diagnostic quorum = lsp.diagnostics(uri, d -> !d.isEmpty()).get(0);
      List<CodeAction> actions = actions(lsp, uri, quorum.getRange(), List.of(quorum), null);
      assertEquals(List.of("add control-plane node `cp2` at 10.0.0.12", "accept with `allow [quorum] because …` on cluster lab"),
          actions.stream().map(CodeAction::getTitle).toList());
      assertEquals(List.of(uri), List.copyOf(actions.get(0).getEdit().getChanges().keySet()), "the node goes after the last control plane");
      assertEquals(List.of(LspHarness.uri(cluster)), List.copyOf(actions.get(1).getEdit().getChanges().keySet()), "allow goes in the cluster");
      String clusterText = Files.readString(cluster);
      String accepted = LspText.apply(clusterText, actions.get(1).getEdit().getChanges().get(LspHarness.uri(cluster)));
      String clusterUri = lsp.open(cluster);
      lsp.change(clusterUri, accepted);
      lsp.diagnostics(uri, d -> d.size() == 1 && d.get(0).getSeverity() == DiagnosticSeverity.Warning
          && LspHarness.message(d.get(0)).contains("(accepted: say why this cost is acceptable)"));
    }
  }

  private static List<CodeAction> actions(LspHarness lsp, String uri, Range range, List<Diagnostic> context, List<String> only) {
    CodeActionContext actionContext = new CodeActionContext(context);
    actionContext.setOnly(only);
    List<Either<org.eclipse.lsp4j.Command, CodeAction>> answer = LspHarness.get(lsp.server.getTextDocumentService()
        .codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), range, actionContext)));
    List<CodeAction> actions = new ArrayList<>();
    answer.forEach(a -> actions.add(a.getRight()));
    return actions;
  }

  private Path copy(String name) throws IOException {
    Path target = dir.resolve(name);
    Files.createDirectories(target);
    Path source = Files.isDirectory(OWN_CASES.resolve(name)) ? OWN_CASES.resolve(name) : CASES.resolve(name);
    try (var files = Files.list(source)) {
      for (Path each : files.toList()) {
        if (each.toString().endsWith(".cluster")) {
          Files.copy(each, target.resolve(each.getFileName()));
        }
      }
    }
    return target.resolve("input.cluster");
  }

  private static String base(Diagnostic diagnostic) {
    String message = LspHarness.message(diagnostic);
    int hint = message.indexOf("\nhint: ");
    return hint < 0 ? message : message.substring(0, hint);
  }

  private static String at(Position position) {
    return (position.getLine() + 1) + ":" + (position.getCharacter() + 1);
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
  }
}
