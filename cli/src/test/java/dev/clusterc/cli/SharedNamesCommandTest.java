package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four lines compile from the command line, and an object two units would apply is an error, not a crash. */
class SharedNamesCommandTest {
  private static final String BASE = """
      cluster c { domain "x.test"; network { nodes 10.0.0.0/24 } }
      node n { role control-plane; address 10.0.0.1 }
      """;

  @TempDir
  Path sources;

  @Test
  void aVolumeAndAnAppOfOneNameCompile() throws Exception {
    Files.writeString(sources.resolve("c.cluster"), BASE + "volume x { size 1Gi; backup none }\napp x { image \"a:1\" }\n");
    Cli.Result result = Cli.run("compile", sources.toString(), "-o", "-");
    assertEquals(0, result.exit(), result::toString);
    assertFalse(result.err().contains("internal error"), result::toString);
    assertTrue(result.out().contains("kind: PersistentVolumeClaim") && result.out().contains("kind: Deployment"), result::toString);
  }

  @Test
  void oneObjectInTwoUnitsIsAnErrorAtTheLaterDeclaration() throws Exception {
    Files.writeString(sources.resolve("c.cluster"), BASE + """
        app a { image "a:1"; manifests "apiVersion: v1\\nkind: ConfigMap\\nmetadata: { name: s, namespace: t }" }
        app b { image "b:1"; manifests "apiVersion: v1\\nkind: ConfigMap\\nmetadata: { name: s, namespace: t }" }
        """);
    Cli.Result result = Cli.run("compile", sources.toString(), "-o", "-");
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.err().contains("c.cluster:4:5: error[invalid-value]: app b makes the ConfigMap `t/s`, which app a makes too, in unit a"),
        result::toString);
    assertEquals("", result.out());
  }
}
