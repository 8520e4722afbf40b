package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Fix;
import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.syntax.Parser;
import dev.clusterc.compiler.syntax.SourceUnit;
import dev.clusterc.compiler.load.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every fix, laid out as an editor does and applied to the text, leaves a cluster in which its diagnostic is gone and no syntax error appeared. */
class FixTest {
  private static final String BASE = DefinitionTest.CLUSTER + """
      volume data { size 1Gi; backup none }
      """;

  @Test
  void didYouMeanReplacesTheMisspeltName() {
    assertFixed(BASE + "app a { image \"x:1\"; moutn data at \"/d\" }\n", Code.UNKNOWN_PROPERTY, "replace with `mount`");
    assertFixed(BASE + "volume v { size 1Gi; access rwxx; backup none }\n", Code.INVALID_VALUE, "replace with `rwx`");
    assertFixed(BASE + "app a { image \"x:1\"; mount dta at \"/d\" }\n", Code.UNDEFINED_REFERENCE, "replace with `data`");
    assertFixed(BASE + "volme v { size 1Gi; backup none }\n", Code.UNKNOWN_KIND, "replace with `volume`");
    assertFixed(BASE.replace("use cilium", "use cilum"), Code.UNDEFINED_REFERENCE, "replace with `cilium`");
    assertFixed(BASE + "app a from web-ap(image: \"x:1\", gateway: web) {}\n", Code.UNKNOWN_TEMPLATE, "replace with `web-app`");
    assertFixed(BASE + "app a { image \"x:1\"; layer aps }\n", Code.INVALID_VALUE, "replace with `apps`");
  }

  @Test
  void aMisspeltStandardImportKeepsItsQuotes(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("test.cluster");
    Files.writeString(file, "import \"std/cilum\"\n" + BASE);
    Diagnostic missing = only(Frontend.check(dir, new Workspace(dir)), Code.IMPORT_NOT_FOUND);
    Fix fix = missing.fixes().get(0);
    assertEquals("replace with `std/cilium`", fix.title());
    assertTrue(TextEdit.apply(missing.span().file(), fix.edits()).startsWith("import \"std/cilium\"\n"));
  }

  @Test
  void aStandardComponentNotInUseIsAddedWithUse() {
    assertFixed(BASE + "pool p { range 10.0.0.130..10.0.0.140; via metallb }\n", Code.MISSING_PROVIDER, "add `use metallb`");
    assertFixed(BASE + "app a { image \"x:1\"; depends-on [volsync] }\n", Code.UNDEFINED_REFERENCE, "add `use volsync`");
  }

  @Test
  void theUseGoesAfterTheLastUseOfTheFileThatNeedsIt() {
    String after = applied(BASE + "pool p { range 10.0.0.130..10.0.0.140; via metallb }\n", Code.MISSING_PROVIDER, "add `use metallb`");
    assertTrue(after.contains("use cilium\nuse metallb\n"), after);
    Map<String, String> files = new LinkedHashMap<>();
    files.put("a.cluster", BASE);
    files.put("b.cluster", "pool p { range 10.0.0.130..10.0.0.140; via metallb }");
    Diagnostic missing = only(analyze(files), Code.MISSING_PROVIDER);
    TextEdit edit = missing.fixes().get(0).edits().get(0);
    assertEquals("b.cluster", edit.span().file().path());
    assertEquals("pool p { range 10.0.0.130..10.0.0.140; via metallb }\nuse metallb\n",
        TextEdit.apply(edit.span().file(), List.of(edit)));
  }

  @Test
  void aVolumeWithoutBackupGetsAPolicyOrNone() {
    String backed = BASE + "volume backed { size 1Gi; backup nightly }\ndatabase db { size 1Gi; backup nightly }\n";
    for (String volume : List.of("volume v { size 1Gi }\n", "volume v {\n  size 1Gi\n}\n", "volume v {\n  size 1Gi # the size\n}\n",
        "volume v { size 1Gi;  }\n", "database pg {\n    size 10Gi\n  }\n")) {
      assertFixed(backed + volume, Code.UNBACKED_VOLUME, "add `backup nightly`");
      assertFixed(backed + volume, Code.UNBACKED_VOLUME, "add `backup none`");
    }
    assertEquals(BASE + "volume v {\n  size   1Gi\n  backup none\n}\n",
        applied(BASE + "volume v {\n  size 1Gi\n}\n", Code.UNBACKED_VOLUME, "add `backup none`"));
    assertEquals(backed + "volume v { size 1Gi; backup nightly }\n",
        applied(backed + "volume v { size 1Gi }\n", Code.UNBACKED_VOLUME, "add `backup nightly`"));
  }

  @Test
  void aPolicyNothingOfTheKindUsesYetIsOnlyNamedInTheHint() {
    Diagnostic unbacked = only(analyze(Map.of("test.cluster", BASE + "volume v { size 1Gi }\n")), Code.UNBACKED_VOLUME);
    assertEquals(List.of("add `backup none`"), unbacked.fixes().stream().map(Fix::title).toList());
    assertEquals("add `backup nightly`, or `backup none` to say it needs none", unbacked.hint());
  }

  @Test
  void twoControlPlanesGetAThirdAfterTheLastNamedAlikeAtTheNextFreeAddress() {
    String cluster = """
        cluster lab {
          domain "lab.internal"
          network { nodes 10.0.0.0/24; router 10.0.0.1 }
        }

        node control0 { role control-plane; address 10.0.0.10 }
        node control1 { role control-plane; address 10.0.0.11 }
        node worker0  { role worker; address 10.0.0.12 }
        vip api { address 10.0.0.13 }
        pool lb { range 10.0.0.14..10.0.0.20; via cilium }
        use cilium
        """;
    String after = applied(cluster, Code.QUORUM, "add control-plane node `control2` at 10.0.0.21");
    assertEquals(cluster.replace("node worker0  { role worker; address 10.0.0.12 }\n",
        "node control2 { role control-plane; address 10.0.0.21 }\nnode worker0  { role worker; address 10.0.0.12 }\n"), after);
  }

  @Test
  void theNewControlPlaneKeepsTheNamesPaddingAndTheFileFormatted() {
    String cluster = """
        cluster lab {
          domain "lab.internal"
          network { nodes 10.0.0.0/24 }
        }

        node cp01 { role control-plane; address 10.0.0.10 }
        node cp02 { role control-plane; address 10.0.0.11 }
        node cp03 { role control-plane; address 10.0.0.12 }
        node cp4  { role worker; address 10.0.0.13 }
        node cp9  { role control-plane; address 10.0.0.14 } # the spare
        """;
    String after = applied(cluster, Code.QUORUM, "add control-plane node `cp10` at 10.0.0.15");
    assertEquals("""
        cluster lab {
          domain "lab.internal"
          network { nodes 10.0.0.0/24 }
        }

        node cp01 { role control-plane; address 10.0.0.10 }
        node cp02 { role control-plane; address 10.0.0.11 }
        node cp03 { role control-plane; address 10.0.0.12 }
        node cp4  { role worker; address 10.0.0.13 }
        node cp9  { role control-plane; address 10.0.0.14 } # the spare
        node cp10 { role control-plane; address 10.0.0.15 }
        """, after);
  }

  @Test
  void theCheckerInsertsThePlainNodeAndLayingOutRealignsTheNames() {
    String cluster = """
        cluster lab {
          domain "lab.internal"
          network { nodes 10.0.0.0/24 }
        }

        node cp8 { role control-plane; address 10.0.0.10 }
        node cp9 { role control-plane; address 10.0.0.11 }
        """;
    Diagnostic quorum = only(analyze(Map.of("test.cluster", cluster)), Code.QUORUM);
    Fix fix = quorum.fixes().get(0);
    assertEquals("add control-plane node `cp10` at 10.0.0.12", fix.title());
    TextEdit edit = fix.edits().get(0);
    assertEquals(edit.span().start(), edit.span().end(), "a plain insertion, not laid out on every analysis: " + edit);
    assertEquals("\nnode cp10 { role control-plane; address 10.0.0.12 }", edit.newText());
    assertEquals(cluster.replace("node cp8 {", "node cp8  {").replace("node cp9 {", "node cp9  {")
        + "node cp10 { role control-plane; address 10.0.0.12 }\n", applied(cluster, Code.QUORUM, fix.title()));
  }

  @Test
  void aCidrWithHostBitsIsWrittenCanonically() {
    assertFixed(BASE.replace("nodes 10.0.0.0/24", "nodes 10.0.0.7/24"), Code.CIDR_NOT_CANONICAL, "write `10.0.0.0/24`");
  }

  @Test
  void aWordWhereAStringOrAListIsExpected() {
    assertEquals(BASE + "app a { image \"nginx\" }\n", applied(BASE + "app a { image nginx }\n", Code.TYPE_MISMATCH, "put it in quotes"));
    assertFixed(BASE + "app a { image \"x:1\"; depends-on data }\n", Code.TYPE_MISMATCH, "write `[data]`");
  }

  @Test
  void noFixWhereTheAnswerIsNotCertain() {
    Diagnostic far = only(analyze(Map.of("test.cluster", BASE + "app a { image \"x:1\"; mount zzzzzz at \"/d\" }\n")),
        Code.UNDEFINED_REFERENCE);
    assertTrue(far.fixes().isEmpty());
    Diagnostic quoted = only(analyze(Map.of("test.cluster", BASE + "volume v { size \"1Gi\"; backup none }\n")), Code.TYPE_MISMATCH);
    assertTrue(quoted.fixes().isEmpty(), "the quotes may hide more than a quantity");
  }

  @Test
  void fixesDoNotTakePartInEquality() {
    Diagnostic plain = Diagnostic.error(Code.SYNTAX, DefinitionTest.span(), "m");
    Diagnostic fixed = plain.withFix(Fix.replace("t", DefinitionTest.span(), "x"));
    assertEquals(plain, fixed);
    assertEquals(plain.hashCode(), fixed.hashCode());
    assertFalse(fixed.fixes().isEmpty());
  }

  /** Applies the fix titled {@code title} of the one {@code code} diagnostic, and checks that it is gone. */
  private static void assertFixed(String text, Code code, String title) {
    applied(text, code, title);
  }

  private static String applied(String text, Code code, String title) {
    Diagnostic diagnostic = only(analyze(Map.of("test.cluster", text)), code);
    Fix fix = diagnostic.fixes().stream().filter(f -> f.title().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no fix `" + title + "` in " + diagnostic.fixes() + " of " + diagnostic));
    String after = TextEdit.apply(diagnostic.span().file(), Documents.laidOut(fix).edits());
    Program fixed = analyze(Map.of("test.cluster", after));
    List<Diagnostic> left = fixed.diagnostics().stream().filter(d -> d.code() == code || d.code() == Code.SYNTAX).toList();
    assertTrue(left.isEmpty(), "after `" + title + "`:\n" + after + "\nstill " + left);
    return after;
  }

  private static Diagnostic only(Program program, Code code) {
    List<Diagnostic> found = program.diagnostics().stream().filter(d -> d.code() == code).toList();
    assertEquals(1, found.size(), program.diagnostics().toString());
    return found.get(0);
  }

  private static Program analyze(Map<String, String> files) {
    List<SourceUnit> units = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    files.forEach((path, text) -> {
      SourceUnit unit = Parser.parse(new SourceFile(path, text));
      units.add(unit);
      diagnostics.addAll(unit.diagnostics());
    });
    return Frontend.analyze(units, diagnostics);
  }
}
