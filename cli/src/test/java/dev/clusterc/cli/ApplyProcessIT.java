package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterc apply} as the packaged jar, run by failsafe, against the test cluster: what only a
 * real process shows — every class the runtime needs is in the jar, and Ctrl-C (SIGINT) stops a run
 * between objects with exit 130 after saying what was applied.
 */
@WithTestCluster
class ApplyProcessIT {
  private static final Path JAR = Cli.repo().resolve("cli/target/clusterc.jar");

  @TempDir Path temp;

  @Test
  void theJarAppliesAnExampleUntilHealthyThenFindsNoDifference(TestCluster cluster) throws Exception {
    Path example = Cli.repo().resolve("examples/ddd-homelab-local");
    Run apply = run(start("apply", example.toString(), "--kubeconfig", cluster.kubeconfig().toString(), "-o", "json"));
    assertEquals(0, apply.exit, apply.toString());
    String finished = apply.lines.get(apply.lines.size() - 1);
    assertTrue(finished.contains("\"event\":\"finished\"") && finished.contains("\"stopped\":false")
        && !finished.contains("\"created\":0"), apply.toString());
    Run diff = run(start("diff", example.toString(), "--kubeconfig", cluster.kubeconfig().toString()));
    assertEquals(0, diff.exit, diff.toString());
  }

  @Test
  void sigintWhileWaitingStopsTheRunAndSaysWhatWasApplied(TestCluster cluster) throws Exception {
    Path sources = temp.resolve("stuck");
    Files.createDirectories(sources);
    Files.writeString(sources.resolve("cluster.cluster"), """
        cluster stuck {
          domain "example.org"
          network { nodes 10.0.0.0/24; router 10.0.0.1 }
        }
        node cp { role control-plane; address 10.0.0.2 }
        app huge {
          image "nginx:1.27"
          resources { cpu 500; memory 64Mi }
        }
        """);
    Process process = start("apply", sources.toString(), "--kubeconfig", cluster.kubeconfig().toString(), "-o", "json");
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean signalled = false;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        if (!signalled && line.contains("\"event\":\"unit-waiting\"") && line.contains("huge")) {
          new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
          signalled = true;
        }
      }
    }
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the run stopped");
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(130, process.exitValue(), String.join("\n", lines) + "\n" + err);
    String finished = lines.get(lines.size() - 1);
    assertTrue(finished.contains("\"event\":\"finished\"") && finished.contains("\"stopped\":true"), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.contains("\"change\":\"created\"") && l.contains("\"Deployment\"")),
        "what was applied is listed: " + lines);
  }

  private record Run(int exit, List<String> lines, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n" + String.join("\n", lines) + "\n--- stderr\n" + err;
    }
  }

  private static Process start(String... args) throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " is packaged before the integration tests");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("NO_COLOR", "1");
    return builder.start();
  }

  private static Run run(Process process) throws Exception {
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      out.lines().forEach(lines::add);
    }
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the process ended");
    return new Run(process.exitValue(), lines, err);
  }
}
