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

  /** Only emitting shows a derived name colliding; check emits in memory, so it says what compile says. */
  @Test
  void checkReportsTheObjectTwoUnitsWouldApplyAsCompileDoes() throws Exception {
    String flux = BASE.replace("network { nodes 10.0.0.0/24 }", "network { nodes 10.0.0.0/24 }; gitops flux { repository \"https://git.example/c\" }");
    assertTrue(flux.contains("gitops flux"), "a Flux cluster keeps its chart a HelmRelease: no network needed");
    Files.writeString(sources.resolve("c.cluster"), flux + """
        node w1 { role worker; address 10.0.0.2 }
        node w2 { role worker; address 10.0.0.3 }
        use volsync
        volume x { size 1Gi; local w1 at "/data/x"; replicate to w2 via syncthing; backup none; namespace media }
        volume x-backup { size 1Gi; backup none; namespace media }
        """);
    Cli.Result check = Cli.run("check", sources.toString());
    Cli.Result compile = Cli.run("compile", sources.toString(), "-o", "-");
    assertEquals(1, check.exit(), check::toString);
    assertEquals(1, compile.exit(), compile::toString);
    assertTrue(check.out().contains("error[invalid-value]: volume x-backup makes the PersistentVolumeClaim `media/x-backup`"),
        check::toString);
    assertEquals(check.out() + check.err(), compile.err(), "check and compile print the same diagnostics");
  }
}
