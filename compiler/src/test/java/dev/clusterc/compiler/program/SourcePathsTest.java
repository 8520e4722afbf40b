package dev.clusterc.compiler.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.api.Frontend;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.load.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports and cluster files that are not regular files are refused with a diagnostic instead of
 * blocking or filling memory, and symlink loops do not multiply the files read.
 */
class SourcePathsTest {
  private static final String CLUSTER = "cluster lab { domain \"lab.example\"; network { nodes 10.0.0.0/24 } }\n"
      + "node cp { role control-plane; address 10.0.0.2 }\n";
  private static final Duration GUARD = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  private String check(Path root) {
    Program program = assertTimeoutPreemptively(GUARD, () -> Frontend.check(root, new Workspace(dir)));
    return program.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void anImportOfAFifoIsRefused() throws Exception {
    Path fifo = dir.resolve("pipe");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo runs (tests need Linux)");
    Files.writeString(dir.resolve("main.cluster"), CLUSTER + "import \"pipe\"\n");
    assertEquals("main.cluster:3:8: error[import-not-found]: cannot import `pipe`: it is not a regular file (a pipe, device or socket)",
        check(dir));
  }

  @Test
  void aFifoNamedLikeAClusterFileIsReportedNotRead() throws Exception {
    Path fifo = dir.resolve("more.cluster");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo runs (tests need Linux)");
    Files.writeString(dir.resolve("main.cluster"), CLUSTER);
    assertEquals("more.cluster:1:1: error[syntax]: `more.cluster` is not a regular file (a pipe, device or socket), so it is not read as a cluster source",
        check(dir));
  }

  @Test
  void anImportOfDevZeroIsRefused() throws IOException {
    assertTrue(Files.exists(Path.of("/dev/zero")), "/dev/zero exists (tests need Linux)");
    Files.writeString(dir.resolve("main.cluster"), CLUSTER + "import \"/dev/zero\"\n");
    assertEquals("main.cluster:3:8: error[import-not-found]: cannot import `/dev/zero`: it is not a regular file (a pipe, device or socket)",
        check(dir));
  }

  @Test
  void devZeroAsTheClusterItselfIsRefused() {
    assertTrue(Files.exists(Path.of("/dev/zero")), "/dev/zero exists (tests need Linux)");
    assertTrue(check(Path.of("/dev/zero")).startsWith("/dev/zero:1:1: error[syntax]: `/dev/zero` is not a regular file"));
  }

  @Test
  void symlinkLoopsReadEachFileOnce() throws IOException {
    Files.writeString(dir.resolve("main.cluster"), CLUSTER + "import \"lib\"\n");
    Path lib = Files.createDirectory(dir.resolve("lib"));
    Files.writeString(lib.resolve("apps.cluster"), "import \"a\"\nimport \"b\"\nimport \"c\"\napp web { image \"ghcr.io/x/web:1.0\" }\n");
    for (String loop : List.of("a", "b", "c")) {
      Files.createSymbolicLink(lib.resolve(loop), Path.of("."));
    }
    Workspace workspace = new Workspace(dir);
    Program program = assertTimeoutPreemptively(GUARD, () -> Frontend.check(dir, workspace));
    assertEquals(2, program.units().size(), "main.cluster and lib/apps.cluster, once each");
    assertEquals(2, workspace.parseCount());
    assertEquals(List.of(
            "lib/apps.cluster:1:8: error[import-cycle]: import cycle: lib/apps.cluster → lib/apps.cluster",
            "lib/apps.cluster:2:8: error[import-cycle]: import cycle: lib/apps.cluster → lib/apps.cluster",
            "lib/apps.cluster:3:8: error[import-cycle]: import cycle: lib/apps.cluster → lib/apps.cluster"),
        program.diagnostics().stream().map(Diagnostic::toString).toList());
  }

  @Test
  void aFileReachedThroughASymlinkIsTheSameFile() throws IOException {
    Files.writeString(dir.resolve("main.cluster"), CLUSTER + "import \"lib/apps.cluster\"\nimport \"alias/apps.cluster\"\n");
    Path lib = Files.createDirectory(dir.resolve("lib"));
    Files.writeString(lib.resolve("apps.cluster"), "app web { image \"ghcr.io/x/web:1.0\" }\n");
    Files.createSymbolicLink(dir.resolve("alias"), Path.of("lib"));
    assertEquals("", check(dir), "read once, so `app web` is not a duplicate");
  }

  @Test
  void manyFilesImportingTheirOwnDirectoryAreReadOnceEach() throws IOException {
    Files.writeString(dir.resolve("main.cluster"), CLUSTER);
    Path lib = Files.createDirectory(dir.resolve("lib"));
    Files.writeString(dir.resolve("apps.cluster"), "import \"lib\"\n");
    int n = 1_000;
    for (int i = 0; i < n; i++) {
      Files.writeString(lib.resolve("app" + i + ".cluster"), "import \"../lib\"\napp a" + i + " { image \"ghcr.io/x/a:1.0\" }\n");
    }
    Workspace workspace = new Workspace(dir);
    Program program = assertTimeoutPreemptively(GUARD, () -> Frontend.check(dir, workspace));
    assertEquals(n + 2, program.units().size());
    assertEquals(n + 2, workspace.parseCount());
    List<Diagnostic> cycles = program.diagnostics();
    assertEquals(n, cycles.size(), "one import-cycle per import that closes one");
    assertEquals("lib/app0.cluster:1:8: error[import-cycle]: import cycle: lib/app0.cluster → lib/app0.cluster", cycles.get(0).toString());
    assertEquals("lib/app999.cluster:1:8: error[import-cycle]: import cycle: lib/app0.cluster → lib/app1.cluster → lib/app10.cluster"
        + " → lib/app100.cluster → lib/app101.cluster → … 990 more files … → lib/app995.cluster → lib/app996.cluster"
        + " → lib/app997.cluster → lib/app998.cluster → lib/app999.cluster → lib/app0.cluster", cycles.get(n - 1).toString());
  }
}
