package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./clusterc} launcher as a process, run by failsafe after {@code package} has built
 * {@code cli/target/clusterc.jar}. CI's smoke step also runs it from a clean clone, build included.
 */
class LauncherIT {
  private static final Path LAUNCHER = Cli.repo().resolve("clusterc");
  private static final Path JAR = Cli.repo().resolve("cli/target/clusterc.jar");

  @TempDir
  Path dir;

  @Test
  void launcherIsAnExecutableBashScript() throws Exception {
    assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is executable");
    assertTrue(Files.readString(LAUNCHER).startsWith("#!/usr/bin/env bash\n"));
  }

  @Test
  void versionFromAnotherDirectory() throws Exception {
    assumeRunnable();
    Process process = start(List.of(LAUNCHER.toString(), "--version"));
    assertEquals("clusterc 0.1.0\n", finish(process, 0));
  }

  @Test
  void versionThroughASymbolicLink() throws Exception {
    assumeRunnable();
    Path link = Files.createSymbolicLink(dir.resolve("clusterc"), LAUNCHER);
    Process process = start(List.of(link.toString(), "--version"));
    assertEquals("clusterc 0.1.0\n", finish(process, 0));
  }

  @Test
  void checkExitStatusComesThrough() throws Exception {
    assumeRunnable();
    Sources.write(dir.resolve("lab.cluster"), Sources.UNKNOWN_PROPERTY);
    Process process = start(List.of(LAUNCHER.toString(), "check", "lab.cluster"));
    assertTrue(finish(process, 1).startsWith("lab.cluster:"), "paths relative to the caller's directory");
  }

  private static void assumeRunnable() {
    assertTrue(onPath("bash"), "the launcher needs bash");
    assertTrue(Files.isRegularFile(JAR), JAR + " is packaged before the integration tests");
  }

  /** Runs in the temporary directory, never building: Maven is not to be started inside Maven. */
  private Process start(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("CLUSTERC_SKIP_BUILD", "1");
    builder.environment().put("NO_COLOR", "1");
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    return builder.start();
  }

  private static String finish(Process process, int expectedExit) throws Exception {
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher finishes");
    assertEquals(expectedExit, process.exitValue(), out);
    return out;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String entry : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(entry, program))) {
        return true;
      }
    }
    return false;
  }
}
