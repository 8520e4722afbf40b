package dev.clusterc.compiler.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.api.Frontend;
import dev.clusterc.compiler.program.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A re-check parses only the files whose text changed; an editor's overlay wins over the disk. */
class WorkspaceTest {
  @TempDir
  Path dir;

  @Test
  void recheckAfterEditingOneFileParsesOnlyThatFile() throws IOException {
    Files.writeString(dir.resolve("cluster.cluster"), """
        cluster lab { domain "lab.example"; network { nodes 10.0.0.0/24 } }
        node cp { role control-plane; address 10.0.0.2 }
        """);
    for (int i = 0; i < 20; i++) {
      Files.writeString(dir.resolve("app" + i + ".cluster"), "app a" + i + " { image \"ghcr.io/x/a:1.0\" }\n");
    }
    Workspace workspace = new Workspace(dir);
    Program first = Frontend.check(dir, workspace);
    assertEquals("", String.join("\n", first.diagnostics().stream().map(Object::toString).toList()));
    assertEquals(21, workspace.parseCount());

    Frontend.check(dir, workspace);
    assertEquals(21, workspace.parseCount(), "nothing changed, nothing parsed");

    Files.writeString(dir.resolve("app7.cluster"), "app a7 { image \"ghcr.io/x/a:2.0\"; replicas 2 }\n");
    Program third = Frontend.check(dir, workspace);
    assertEquals(22, workspace.parseCount(), "only the edited file is parsed again");
    assertTrue(third.scope().lookup(dev.clusterc.compiler.schema.Kind.APP, "a7").orElseThrow().body().integer("replicas").orElse(0L) == 2);
  }

  @Test
  void anOverlayReplacesTheFileOnDisk() throws IOException {
    Path file = dir.resolve("cluster.cluster");
    Files.writeString(file, "cluster lab { domain \"lab.example\"; network { nodes 10.0.0.0/24 } }\nnode cp { role control-plane; address 10.0.0.2 }\n");
    Workspace workspace = new Workspace(dir);
    workspace.overlay(file, "cluster lab { domain \"lab.example\"; network { nodes 10.0.0.0/24 } }\nnode cp { role control-plane; adress 10.0.0.2 }\n");
    Program program = Frontend.check(dir, workspace);
    assertTrue(program.diagnostics().stream().anyMatch(d -> d.code().id().equals("unknown-property")));
    workspace.overlay(file, null);
    assertEquals(0, Frontend.check(dir, workspace).diagnostics().size());
  }
}
