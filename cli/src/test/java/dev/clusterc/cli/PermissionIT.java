package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file the user may not read is an I/O failure: one line, exit 2. Root reads everything, so
 * under root the packaged jar runs as {@code nobody} (setpriv), after failsafe's package phase.
 */
class PermissionIT {
  private static final Path JAR = Cli.repo().resolve("cli/target/clusterc.jar");

  @TempDir
  Path dir;

  @Test
  void unreadableFileIsAnIoFailure() throws Exception {
    Result result = checkUnreadable();
    assertEquals(2, result.exit(), result.out() + result.err());
    assertEquals("", result.out());
    assertEquals("clusterc: secret.cluster: permission denied\n", result.err());
  }

  @Test
  void unreadableFileIsAJsonFailureUnderFormatJson() throws Exception {
    Result result = checkUnreadable("--format", "json");
    assertEquals(2, result.exit(), result.out() + result.err());
    assertEquals("", result.err());
    assertEquals("{\"diagnostics\":[],\"failures\":[\n"
        + "{\"path\":\"secret.cluster\",\"message\":\"permission denied\",\"hint\":null}\n]}\n", result.out());
  }

  private record Result(int exit, String out, String err) {}

  private Result checkUnreadable(String... options) throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path file = Sources.write(dir.resolve("secret.cluster"), Sources.CLEAN);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    }
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(), "check"));
    command.addAll(List.of(options));
    command.add("secret.cluster");
    Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new Result(process.exitValue(), out, err);
  }

  private static boolean isRoot() throws Exception {
    Process id = new ProcessBuilder("id", "-u").start();
    return new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().equals("0");
  }
}
