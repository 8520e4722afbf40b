package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.testapiserver.TestApiServer;
import dev.clusterc.testapiserver.WithTestApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code plan} and {@code diff} through the real engine on a real kube-apiserver: a cluster never
 * applied plans every object as created, and diff exits 1.
 */
@WithTestApiServer(crds = false)
class RuntimeCommandsApiServerTest {
  @TempDir Path dir;

  private Cli.Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new Main(Terminal.plain(InputStream.nullInputStream())))
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    return new Cli.Result(exit, out.toString(), err.toString());
  }

  @Test
  void aClusterNeverAppliedPlansEveryObjectAsCreated(TestApiServer server) throws IOException {
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), server.kubeConfigYaml());
    Path sources = Files.createDirectories(dir.resolve("cluster"));
    Files.writeString(sources.resolve("test.cluster"), """
        cluster plantest {
          domain "example.org"
          network { nodes 10.0.0.0/24; router 10.0.0.1 }
        }
        node cp { role control-plane; address 10.0.0.2 }
        app web { image "nginx:1.27" }
        """);
    Cli.Result plan = run("plan", sources.toString(), "--kubeconfig", kubeconfig.toString()).assertNoStackTrace();
    assertEquals(0, plan.exit(), plan.toString());
    assertTrue(plan.out().contains("+ Deployment.apps web/web  created"), plan.out());
    assertTrue(plan.out().contains("+ Namespace web  created"), plan.out());
    Cli.Result diff = run("diff", sources.toString(), "--kubeconfig", kubeconfig.toString());
    assertEquals(ExitCode.FINDINGS, diff.exit(), diff.toString());
  }
}
