package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class archive, on a copy of the launcher and the packaged jar in a scratch checkout
 * (no examples there, so its training run is a quick {@code --version}): made once for a jar and JVM,
 * replaced when the jar changes, and never the reason a launch fails or prints anything.
 */
class LauncherArchiveIT {
  private static final Path REPO = Cli.repo();

  @TempDir
  Path copy;

  private Path archives;

  @BeforeEach
  void copyLauncherAndJar() throws Exception {
    Files.createDirectories(copy.resolve("cli/target"));
    Files.copy(REPO.resolve("clusterc"), copy.resolve("clusterc"));
    Files.copy(REPO.resolve("cli/target/clusterc.jar"), copy.resolve("cli/target/clusterc.jar"));
    archives = copy.resolve("cli/target/archive");
  }

  @Test
  void theBuildLeftAnArchiveForThisJvm() throws Exception {
    try (Stream<Path> files = Files.list(REPO.resolve("cli/target/archive"))) {
      assertTrue(files.anyMatch(file -> file.toString().matches(".*-[0-9]+\\.(cds|aot)")),
          "mvn package made an archive in cli/target/archive");
    }
  }

  @Test
  void madeOnceThenUsedSilently() throws Exception {
    Run first = launch(Map.of());
    assertEquals("clusterc 0.1.0\n", first.out);
    assertTrue(first.err.contains("making a class archive"), first.err);
    List<Path> made = archives();
    assertEquals(1, made.size(), made::toString);

    Run second = launch(Map.of());
    assertEquals("clusterc 0.1.0\n", second.out);
    assertEquals("", second.err, "an archive in place is used without a word");
    assertEquals(made, archives());
  }

  @Test
  void aRebuiltJarGetsANewArchiveAndTheOldOneGoes() throws Exception {
    launch(Map.of());
    List<Path> before = archives();
    Path jar = copy.resolve("cli/target/clusterc.jar");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));

    Run after = launch(Map.of());
    assertEquals("clusterc 0.1.0\n", after.out);
    assertTrue(after.err.contains("making a class archive"), "a stale archive is not used: " + after.err);
    assertEquals(1, archives().size(), archives()::toString);
    assertNotEquals(before, archives());
  }

  @Test
  void aBrokenArchiveNeitherFailsALaunchNorPrints() throws Exception {
    launch(Map.of());
    Path archive = archives().get(0);
    Files.writeString(archive, "not an archive");

    Run run = launch(Map.of());
    assertEquals(0, run.exit);
    assertEquals("clusterc 0.1.0\n", run.out);
    assertEquals("", run.err);
  }

  @Test
  void offMakesNone() throws Exception {
    Run run = launch(Map.of("CLUSTERC_ARCHIVE", "off"));
    assertEquals("clusterc 0.1.0\n", run.out);
    assertEquals("", run.err);
    assertFalse(Files.exists(archives));
  }

  private record Run(int exit, String out, String err) {}

  private Run launch(Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(List.of(copy.resolve("clusterc").toString(), "--version"))
        .directory(copy.toFile());
    builder.environment().put("CLUSTERC_SKIP_BUILD", "1");
    builder.environment().remove("CLUSTERC_ARCHIVE");
    builder.environment().putAll(env);
    Path err = copy.resolve("stderr.txt");
    builder.redirectError(err.toFile());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launcher finishes");
    return new Run(process.exitValue(), out, Files.readString(err));
  }

  private List<Path> archives() throws Exception {
    try (Stream<Path> files = Files.list(archives)) {
      return files.filter(file -> file.toString().matches(".*-[0-9]+\\.(cds|aot)")).sorted().toList();
    }
  }
}
