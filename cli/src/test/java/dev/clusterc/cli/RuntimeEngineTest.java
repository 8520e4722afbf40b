package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The real engine where no server answers: a kubeconfig pointing at a closed port, or at no file, is exit 3. */
class RuntimeEngineTest {
  @TempDir Path dir;

  private Cli.Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new Main(Terminal.plain(InputStream.nullInputStream())))
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    return new Cli.Result(exit, out.toString(), err.toString());
  }

  private Path cluster() throws IOException {
    Path sources = Files.createDirectories(dir.resolve("cluster"));
    Files.writeString(sources.resolve("test.cluster"), """
        cluster test {
          domain "example.org"
          network { nodes 10.0.0.0/24; router 10.0.0.1 }
        }
        node cp { role control-plane; address 10.0.0.2 }
        """);
    return sources;
  }

  @Test
  void aClosedPortIsAnUnreachableCluster() throws IOException {
    Path kubeconfig = Cli.unreachableKubeconfig(dir);
    Cli.Result result = run("plan", cluster().toString(), "--kubeconfig", kubeconfig.toString()).assertNoStackTrace();
    assertEquals(ExitCode.UNREACHABLE, result.exit(), result.toString());
    assertTrue(result.err().contains("cannot reach the cluster"), result.err());
  }

  @Test
  void aMissingKubeconfigIsAnUnreachableCluster() throws IOException {
    Cli.Result result = run("diff", cluster().toString(), "--kubeconfig", dir.resolve("absent").toString()).assertNoStackTrace();
    assertEquals(ExitCode.UNREACHABLE, result.exit(), result.toString());
  }
}
