package dev.clusterc.compiler.emit;

import static dev.clusterc.compiler.emit.AppTestSupport.emit;
import static dev.clusterc.compiler.emit.AppTestSupport.inventory;
import static dev.clusterc.compiler.emit.AppTestSupport.program;
import static dev.clusterc.compiler.emit.AppTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.api.Frontend;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.app.AppEmitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.kube.YamlWriter;
import dev.clusterc.compiler.load.Workspace;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An app's raw {@code manifests}: from a file or inline, completed with namespace, labels and source; errors found by analysis. */
class ManifestsEmitTest {
  @Test
  void aPathIsReadRelativeToTheDeclaringFilesDirectory(@TempDir Path workspace) throws IOException {
    Path dir = Files.createDirectories(workspace.resolve("clusters/lab"));
    Files.writeString(dir.resolve("main.cluster"), CheckFixture.BASE + """
        app ops {
          image     "ghcr.io/example/ops:1.0.0"
          manifests "extra/rbac.yaml"
        }
        """);
    Files.createDirectories(dir.resolve("extra"));
    Files.writeString(dir.resolve("extra/rbac.yaml"), """
        # A service account for ops, and what it may read.
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: ops
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: ops-reader
        rules:
          - apiGroups: [""]
            resources: ["nodes"]
            verbs: ["get", "list"]
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: shared
          namespace: tools
        data:
          retries: "3"
        """);
    Program program = Frontend.check(dir, new Workspace(workspace));
    assertEquals("", CheckFixture.render(program.diagnostics()));
    Unit unit = emit(new AppEmitter(), program, Kind.APP, "ops");
    assertEquals("Deployment/ops\nServiceAccount/ops\nClusterRole/ops-reader\nConfigMap/shared", inventory(unit));
    Snippets.assertMatches("manifests/ManifestsEmitTest-relativePath",
        unit.objects().stream().skip(1).map(YamlWriter::toYaml).collect(Collectors.joining("---\n")));
  }

  @Test
  void aTextBlockHoldsTheYamlInlineAndTheObjectsOwnLabelsWin() {
    Program program = program("""
        app ops {
          namespace tools
          image     "ghcr.io/example/ops:1.0.0"
          manifests \"""
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: ops-config
              labels:
                app.kubernetes.io/name: ops-config
                tier: backend
              annotations:
                note: kept
            data:
              mode: fast
            ---
            \"""
        }
        """);
    Snippets.assertMatches("manifests/ManifestsEmitTest-inlineTextBlock",
        yaml(emit(new AppEmitter(), program, Kind.APP, "ops"), "ConfigMap", "ops-config"));
  }

  @Test
  void invalidYamlIsReportedAtItsLineInTheClusterFile() {
    Program program = CheckFixture.program(CheckFixture.BASE + """
        app ops {
          image     "ghcr.io/example/ops:1.0.0"
          manifests \"""
            apiVersion: v1
            kind: ConfigMap
              metadata: broken
            \"""
        }
        """);
    assertEquals("test.cluster:13:7: error[invalid-value]: the inline manifests of app ops are not valid YAML at line 3, column 11:"
        + " mapping values are not allowed here", problems(program));
  }

  @Test
  void documentsThatAreNoObjectsAreAllReportedAndNothingIsEmitted() {
    Program program = CheckFixture.program(CheckFixture.BASE + """
        app ops {
          image     "ghcr.io/example/ops:1.0.0"
          manifests \"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: fine
            ---
            kind: ConfigMap
            metadata:
              name: no-api-version
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              generateName: token-
            ---
            - just
            - a list
            \"""
          manifests "apiVersion: v1\\nmetadata: { name: x }"
        }
        """);
    assertEquals(String.join("\n",
        "test.cluster:16:5: error[invalid-value]: the document at line 6 of the inline manifests of app ops has no `apiVersion`"
            + " (every object needs `apiVersion`, `kind` and `metadata.name`)",
        "test.cluster:20:5: error[invalid-value]: the document at line 10 of the inline manifests of app ops has no `metadata.name`"
            + " (every object needs `apiVersion`, `kind` and `metadata.name`)",
        "test.cluster:25:5: error[invalid-value]: the document at line 15 of the inline manifests of app ops is not a mapping but"
            + " a list (every object needs `apiVersion`, `kind` and `metadata.name`)",
        "test.cluster:28:13: error[invalid-value]: the document at line 1 of the inline manifests of app ops has no `kind`"
            + " (every object needs `apiVersion`, `kind` and `metadata.name`)"), problems(program));
  }

  @Test
  void aMissingFileIsReportedAtThePath(@TempDir Path workspace) {
    Program program = CheckFixture.program(CheckFixture.BASE + """
        app ops {
          image     "ghcr.io/example/ops:1.0.0"
          manifests "ops/rbac.yaml"
        }
        """, workspace);
    assertEquals("test.cluster:10:13: error[invalid-value]: manifests of app ops: ops/rbac.yaml does not exist"
        + " (a `manifests` path is relative to the directory of the file that declares it)", problems(program));
  }

  @Test
  void invalidYamlInAFileNamesTheFileAndPosition(@TempDir Path workspace) throws IOException {
    Files.writeString(workspace.resolve("bad.yaml"), "apiVersion: v1\nkind: [ConfigMap\n");
    Program program = CheckFixture.program(CheckFixture.BASE + """
        app ops {
          image     "ghcr.io/example/ops:1.0.0"
          manifests "bad.yaml"
        }
        """, workspace);
    String problems = problems(program);
    assertEquals(true, problems.startsWith("test.cluster:10:13: error[invalid-value]: manifests of app ops: bad.yaml is not valid YAML at line "),
        problems);
  }

  /** What analysing the cluster reports, one error a line with its hint; the program keeps no object of {@code ops}. */
  private static String problems(Program program) {
    Decl app = AppTestSupport.decl(program, Kind.APP, "ops");
    assertEquals(0, program.files().manifests(app).size(), "nothing is kept for an app with broken manifests");
    return program.diagnostics().stream().filter(d -> d.isError()).map(d -> d + (d.hint() == null ? "" : " (" + d.hint() + ")"))
        .collect(Collectors.joining("\n"));
  }
}
