package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar has an SLF4J provider: neither {@code --version} nor a command that loads fabric8
 * (an apply to an unreachable cluster) prints SLF4J's "no providers" warning, and stdout carries only
 * clusterc's own output.
 */
class LoggingProcessIT {
  private static final Path JAR = Cli.repo().resolve("cli/target/clusterc.jar");

  @TempDir Path temp;

  @Test
  void noSlf4jWarningFromVersionNorFromAnApplyThatLoadsTheClient() throws Exception {
    String[] version = run("--version");
    assertTrue(version[0].startsWith("clusterc "), version[0]);
    assertFalse(version[1].contains("SLF4J"), version[1]);

    Path kubeconfig = Files.writeString(temp.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
        contexts: [{name: c, context: {cluster: c, user: u}}]
        current-context: c
        users: [{name: u, user: {token: x}}]
        """);
    String[] apply = run("apply", Cli.repo().resolve("examples/ddd-homelab-local").toString(), "--kubeconfig",
        kubeconfig.toString());
    assertFalse(apply[1].contains("SLF4J"), apply[1]);
    assertTrue(apply[1].contains("cannot reach the cluster"), apply[1]);
    assertFalse(apply[0].contains("WARN") || apply[0].contains("ERROR"), "no library log on stdout: " + apply[0]);
  }

  /** stdout and stderr of the jar run with {@code args}, after it exited. */
  private static String[] run(String... args) throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " is packaged before the integration tests");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("NO_COLOR", "1");
    Path out = Files.createTempFile("clusterc-out", ".txt");
    Path err = Files.createTempFile("clusterc-err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the process ended");
    try {
      return new String[] {Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8)};
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
