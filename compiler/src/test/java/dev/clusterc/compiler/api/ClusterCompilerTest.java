package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.Position;
import dev.clusterc.compiler.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a cluster, laying unsaved text over it, and analysing it without an exception. */
class ClusterCompilerTest {
  static final String CLUSTER = """
      cluster lab {
        domain "lab.example"
        network { nodes 10.0.0.0/24; router 10.0.0.1 }
      }
      node cp1 { role control-plane; address 10.0.0.2 }
      node w1 { role worker; address 10.0.0.11 }
      """;

  @TempDir
  Path dir;

  private ClusterCompiler open() throws Exception {
    Files.writeString(dir.resolve("cluster.cluster"), CLUSTER);
    return ClusterCompiler.open(dir, dir);
  }

  @Test
  void anOverlayWinsOverTheDisk() throws Exception {
    ClusterCompiler compiler = open();
    assertEquals(List.of(), compiler.analyse().diagnostics());

    String unsaved = CLUSTER + "app web { image \"nginx:1.27\"; port 80; replicas many }\n";
    compiler.overlay(dir.resolve("cluster.cluster"), unsaved);
    Analysis edited = compiler.analyse();
    assertTrue(edited.hasErrors(), edited.diagnostics().toString());
    assertEquals("cluster.cluster:7:", edited.diagnostics().get(0).span().file().path() + ":"
        + edited.diagnostics().get(0).span().begin().line() + ":");
    assertEquals(List.of(unsaved), edited.documents().stream().map(SourceFile::text).toList());
    assertEquals(CLUSTER, Files.readString(dir.resolve("cluster.cluster")), "the disk is never written");

    compiler.overlay(dir.resolve("cluster.cluster"), null);
    assertEquals(List.of(), compiler.analyse().diagnostics(), "null goes back to the disk");
  }

  @Test
  void theNavigatorAnswersAcrossAnOverlayAndTheDisk() throws Exception {
    ClusterCompiler compiler = open();
    compiler.overlay(dir.resolve("apps.cluster"), "vip api { address 10.0.0.50; via kube-vip; on [cp1] }\n");
    Navigator navigator = compiler.analyse().navigator();
    List<Symbol> definition = navigator.definition("apps.cluster", new Position(1, 49));
    assertEquals(List.of("node cp1 cluster.cluster:5"), definition.stream()
        .map(s -> s.keyword() + " " + s.name() + " " + s.span().file().path() + ":" + s.span().begin().line()).toList());
  }

  @Test
  void anOverlayOfADocumentNotYetSavedJoinsTheCluster() throws Exception {
    ClusterCompiler compiler = open();
    compiler.overlay(dir.resolve("apps.cluster"), "app web { image \"nginx:1.27\"; port 80 }\n");
    Analysis analysis = compiler.analyse();
    assertEquals(List.of("apps.cluster", "cluster.cluster"),
        analysis.documents().stream().map(SourceFile::path).sorted().toList());
    assertFalse(Files.exists(dir.resolve("apps.cluster")));
  }

  @Test
  void aBrokenDocumentIsDiagnosticsNotAnException() throws Exception {
    ClusterCompiler compiler = open();
    compiler.overlay(dir.resolve("broken.cluster"), "app {{{ ]] \"unterminated\n\0 volume");
    Analysis analysis = compiler.analyse();
    assertTrue(analysis.diagnostics().stream().anyMatch(d -> d.code() == Code.SYNTAX && d.isError()),
        analysis.diagnostics().toString());
    CompileResult result = analysis.compile();
    assertTrue(result.cluster().isEmpty());
    assertEquals(analysis.diagnostics(), result.diagnostics());
  }

  @Test
  void aRootThatIsNotThereIsADiagnostic() {
    Analysis analysis = ClusterCompiler.open(dir.resolve("nowhere.cluster"), dir).analyse();
    List<Diagnostic> errors = analysis.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertFalse(errors.isEmpty());
    assertTrue(errors.get(0).message().contains("nowhere.cluster"), errors.get(0).message());
    assertFalse(ClusterCompiler.open(dir.resolve("nowhere.cluster"), dir).compile().succeeded());
  }

  /** Reading {@code /proc/self/mem} from its start fails with an I/O error, a file that exists and cannot be read. */
  @Test
  void aFileTheSystemWillNotReadIsADiagnosticAndTheRestIsStillChecked() throws Exception {
    ClusterCompiler compiler = open();
    compiler.overlay(dir.resolve("apps.cluster"), "import \"/proc/self/mem\"\napp web { image \"nginx:1.27\"; replicas many }\n");
    Analysis analysis = compiler.analyse();
    List<String> messages = analysis.diagnostics().stream().map(Diagnostic::message).toList();
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("cannot read `/proc/self/mem`: ")), messages.toString());
    assertTrue(analysis.diagnostics().stream().anyMatch(d -> d.span().file().path().equals("apps.cluster")
        && d.code() == Code.TYPE_MISMATCH), "the other files are still checked: " + messages);
  }

  @Test
  void reanalysingUnchangedFilesParsesNothing() throws Exception {
    ClusterCompiler compiler = open();
    compiler.analyse();
    int parsed = compiler.parseCount();
    compiler.analyse();
    assertEquals(parsed, compiler.parseCount());
    compiler.overlay(dir.resolve("cluster.cluster"), CLUSTER + "# a comment\n");
    compiler.analyse();
    assertEquals(parsed + 1, compiler.parseCount());
  }

  @Test
  void theGraphIsDrawnOnlyForAClusterWithoutErrors() throws Exception {
    ClusterCompiler compiler = open();
    assertTrue(compiler.analyse().mermaidGraph().orElseThrow().startsWith("flowchart TB\n"));
    assertTrue(compiler.analyse().dotGraph().orElseThrow().startsWith("digraph \"lab\" {\n"));
    compiler.overlay(dir.resolve("cluster.cluster"), "cluster {");
    assertTrue(compiler.analyse().mermaidGraph().isEmpty());
  }

  @Test
  void aDirectoryIsAClusterByItsClusterFiles() throws Exception {
    assertEquals(List.of(), ClusterCompiler.clusterFiles(dir));
    open();
    Files.writeString(dir.resolve("notes.txt"), "not a source");
    assertEquals(List.of(dir.resolve("cluster.cluster")), ClusterCompiler.clusterFiles(dir));
    assertTrue(ClusterCompiler.standardLibrary().keySet().stream().allMatch(name -> name.startsWith("std/")),
        ClusterCompiler.standardLibrary().keySet().toString());
  }
}
