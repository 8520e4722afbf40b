package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.check.AcceptanceFix;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Fix;
import dev.clusterc.compiler.diag.Severity;
import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fix of every diagnostic of every check case and example, applied to the text and analysed
 * again: its diagnostic is gone and no error appeared that was not there before. Every finding
 * {@code allow} may accept gets an accept fix, which leaves it accepted (a warning with the
 * placeholder reason) and adds neither an error nor {@code unused-allow}; every other finding gets
 * none (a cluster with a syntax error may get none: where a broken block ends is a guess). A
 * formatted file stays formatted once the fix is laid out as an editor lays it out.
 */
class FixSweepTest {
  @TestFactory
  Stream<DynamicTest> checkCasesAndExamples() throws IOException {
    Path root = Repo.root();
    List<Path> dirs = new ArrayList<>();
    for (Path parent : List.of(root.resolve("compiler/src/test/resources/check"), root.resolve("examples"))) {
      try (Stream<Path> list = Files.list(parent)) {
        list.filter(Files::isDirectory).sorted().forEach(dirs::add);
      }
    }
    return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> sweep(dir)));
  }

  private static void sweep(Path dir) {
    Analysis before = ClusterCompiler.open(dir, dir).analyse();
    for (Diagnostic diagnostic : before.diagnostics()) {
      for (Fix fix : diagnostic.fixes()) {
        Analysis after = applied(dir, before, fix);
        assertTrue(after.diagnostics().stream().noneMatch(d -> d.code() == diagnostic.code() && d.message().equals(diagnostic.message())),
            dir + ": `" + fix.title() + "` left " + diagnostic + "\n" + after.diagnostics());
        assertNoNewError(dir, fix, before, after);
      }
      Optional<Fix> accept = before.acceptFix(diagnostic);
      boolean accepted = diagnostic.related().stream().anyMatch(r -> r.message().startsWith("accepted here by "));
      boolean broken = before.diagnostics().stream().anyMatch(d -> d.code() == Code.SYNTAX);
      if (!diagnostic.code().acceptable() || accepted) {
        assertTrue(accept.isEmpty(), dir + ": an accept fix for " + diagnostic);
      } else if (!broken) {
        assertTrue(accept.isPresent(), dir + ": no accept fix for " + diagnostic);
      }
      if (accept.isEmpty()) {
        continue;
      }
      Analysis after = applied(dir, before, accept.get());
      String message = diagnostic.message() + " (accepted: " + AcceptanceFix.PLACEHOLDER_REASON + ")";
      assertTrue(after.diagnostics().stream().anyMatch(d -> d.code() == diagnostic.code() && d.severity() == Severity.WARNING
          && d.message().equals(message)), dir + ": `" + accept.get().title() + "` did not accept " + diagnostic + "\n" + after.diagnostics());
      assertTrue(after.diagnostics().stream().noneMatch(d -> d.code() == Code.UNUSED_ALLOW && !before.diagnostics().contains(d)),
          dir + ": " + after.diagnostics());
      assertNoNewError(dir, accept.get(), before, after);
    }
  }

  /**
   * Applies a fix's edits, laid out as an editor does, over the files on disk (each edit in a file
   * of {@code dir}) and analyses again; checks formatting kept.
   */
  private static Analysis applied(Path dir, Analysis before, Fix fix) {
    Map<SourceFile, List<TextEdit>> byFile = new LinkedHashMap<>();
    for (TextEdit edit : before.laidOut(fix).edits()) {
      byFile.computeIfAbsent(edit.span().file(), f -> new ArrayList<>()).add(edit);
    }
    ClusterCompiler compiler = ClusterCompiler.open(dir, dir);
    byFile.forEach((file, edits) -> {
      assertTrue(before.documents().contains(file), "a fix edits the cluster's own files: " + file.path());
      String text = TextEdit.apply(file, edits);
      compiler.overlay(dir.resolve(file.path()), text);
      boolean wasFormatted = Documents.format(file).text().map(file.text()::equals).orElse(false);
      if (wasFormatted) {
        assertEquals(text, Documents.format(new SourceFile(file.path(), text)).text().orElse(null),
            dir + ": `" + fix.title() + "` leaves a formatted file as fmt would");
      }
    });
    return compiler.analyse();
  }

  private static void assertNoNewError(Path dir, Fix fix, Analysis before, Analysis after) {
    for (Diagnostic d : after.diagnostics()) {
      if (d.isError()) {
        assertTrue(before.diagnostics().stream().anyMatch(b -> b.isError() && b.code() == d.code() && b.message().equals(d.message())),
            dir + ": `" + fix.title() + "` brought " + d);
      }
    }
    assertFalse(after.diagnostics().stream().anyMatch(d -> d.code() == Code.SYNTAX)
        && before.diagnostics().stream().noneMatch(d -> d.code() == Code.SYNTAX), dir + ": a syntax error after `" + fix.title() + "`");
  }
}
