package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.cli.watch.WatchLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line of {@code apply --watch}, {@code suspend} and {@code resume} up to the cluster:
 * what parses, what is a usage error (exit 2, with the usage), and a cluster that cannot be reached
 * (exit 3). Running against a cluster is the end-to-end tests' part.
 */
class WatchCommandsTest {
  @TempDir Path dir;

  private Path cluster() throws IOException {
    return Sources.write(dir.resolve("src").resolve("pi.cluster"), Sources.CLEAN).getParent();
  }

  private static void assertUsageError(Cli.Result result, String message) {
    assertEquals(ExitCode.FAILURE, result.exit(), result.toString());
    assertTrue(result.err().contains(message), result.err());
    assertTrue(result.err().contains("Usage: clusterc "), "a usage error shows the usage:\n" + result.err());
    assertEquals("", result.out());
  }

  @Test
  void everyWatchFlagParses() {
    ApplyCommand apply = CommandLine.populateCommand(new ApplyCommand(), "--watch", "--git", "https://git.example/home.git",
        "--branch", "prod", "--path", "clusters/home", "--interval", "30s", "--git-token-file", "/run/token",
        "--git-cache", "/var/cache/clusterc", "--resync", "5m", "--status-address", "0.0.0.0:0", "--leader-elect",
        "--lease-namespace", "ops", "--lease-name", "home", "--log-format", "json", "--prune-data", "--allow-disruption",
        "--force-conflicts", "--timeout", "2m", "--parallel", "2", "--context", "lab");
    WatchFlags w = apply.watch;
    assertTrue(w.watch && w.leaderElect);
    assertEquals("https://git.example/home.git", w.gitUrl);
    assertEquals("prod", w.branch);
    assertEquals("clusters/home", w.gitPath);
    assertEquals(Duration.ofSeconds(30), w.interval);
    assertEquals(Path.of("/run/token"), w.tokenFile);
    assertEquals(Duration.ofMinutes(5), w.resync);
    assertEquals(new InetSocketAddress("0.0.0.0", 0), w.statusAddress);
    assertEquals("ops", w.leaseNamespace);
    assertEquals("home", w.leaseName);
    assertEquals(WatchLog.Format.json, w.logFormat);
    assertTrue(apply.pruneData && apply.allowDisruption && apply.forceConflicts);
    assertEquals(null, apply.path);
  }

  @Test
  void watchDefaults() throws IOException {
    ApplyCommand apply = CommandLine.populateCommand(new ApplyCommand(), "--watch", cluster().toString());
    WatchFlags w = apply.watch;
    assertEquals("main", w.branch);
    assertEquals(".", w.gitPath);
    assertEquals(Duration.ofMinutes(1), w.interval);
    assertEquals(Duration.ofMinutes(10), w.resync);
    assertEquals(new InetSocketAddress("127.0.0.1", 9090), w.statusAddress);
    assertEquals("clusterc-system", w.leaseNamespace);
    assertEquals(null, w.leaseName);
    assertEquals(WatchLog.Format.text, w.logFormat);
  }

  @Test
  void watchOptionsWithoutWatchAreUsageErrors() throws IOException {
    assertUsageError(Cli.run("apply", cluster().toString(), "--git", "https://x"), "--git only applies with --watch");
    assertUsageError(Cli.run("apply", cluster().toString(), "--log-format", "json"), "--log-format only applies with --watch");
    assertUsageError(Cli.run("apply", cluster().toString(), "--leader-elect"), "--leader-elect only applies with --watch");
  }

  @Test
  void watchNeedsExactlyOneSource() throws IOException {
    assertUsageError(Cli.run("apply", "--watch"), "--watch needs a PATH (a directory of .cluster files) or --git URL");
    assertUsageError(Cli.run("apply", "--watch", cluster().toString(), "--git", "https://x"),
        "--watch reads PATH or --git URL, not both");
  }

  @Test
  void gitAndLeaseOptionsNeedTheirSwitch() throws IOException {
    assertUsageError(Cli.run("apply", "--watch", cluster().toString(), "--branch", "dev"), "--branch only applies with --git");
    assertUsageError(Cli.run("apply", "--watch", cluster().toString(), "--interval", "5m"),
        "--interval only applies with --git");
    assertUsageError(Cli.run("apply", "--watch", "--git", "https://x", "--lease-name", "l"),
        "--lease-name only applies with --leader-elect");
    assertUsageError(Cli.run("apply", "--watch", "--git", "https://x", "--git-token-file", "t", "--git-ssh-key", "k"),
        "exclude each other");
  }

  @Test
  void watchExcludesTheOneShotOutputAndTheFluxHandOver() throws IOException {
    assertUsageError(Cli.run("apply", "--watch", cluster().toString(), "-o", "json"), "--log-format");
    assertUsageError(Cli.run("apply", "--watch", cluster().toString(), "--bootstrap-flux-tree"), "--bootstrap-flux-tree");
  }

  @Test
  void badValuesAreUsageErrors() throws IOException {
    assertUsageError(Cli.run("apply", "--watch", cluster().toString(), "--status-address", "9090"), "is not HOST:PORT");
    assertUsageError(Cli.run("apply", "--watch", cluster().toString(), "--status-address", "127.0.0.1:70000"),
        "no port from 0 to 65535");
    assertUsageError(Cli.run("apply", "--watch", cluster().toString(), "--log-format", "xml"), "--log-format");
    assertUsageError(Cli.run("apply", "--watch", cluster().toString(), "--resync", "often"), "is not a positive duration");
  }

  @Test
  void aOneShotApplyStillNeedsItsPath() {
    assertUsageError(Cli.run("apply"), "Missing required parameter: 'PATH'");
    assertUsageError(Cli.run("plan"), "Missing required parameter: 'PATH'");
  }

  @Test
  void watchingAFileIsRefused() throws IOException {
    Path file = cluster().resolve("pi.cluster");
    Cli.Result result = Cli.run("apply", "--watch", file.toString()).assertNoStackTrace();
    assertEquals(ExitCode.FAILURE, result.exit(), result.toString());
    assertTrue(result.err().contains("--watch needs a directory"), result.err());
  }

  @Test
  void anUnreachableClusterAtStartIsExitThree() throws IOException {
    Cli.Result result = Cli.run("apply", "--watch", cluster().toString(), "--kubeconfig", Cli.unreachableKubeconfig(dir).toString(),
        "--status-address", "127.0.0.1:0").assertNoStackTrace();
    assertEquals(ExitCode.UNREACHABLE, result.exit(), result.toString());
    assertTrue(result.err().contains("cannot reach the cluster"), result.err());
  }

  @Test
  void suspendAndResumeNeedPathOrCluster() throws IOException {
    for (String command : new String[] {"suspend", "resume"}) {
      assertUsageError(Cli.run(command), "Missing required parameter: 'PATH' (or --cluster NAME)");
      assertUsageError(Cli.run(command, cluster().toString(), "--cluster", "pi"), "give PATH or --cluster NAME, not both");
      assertUsageError(Cli.run(command, "--cluster"), "--cluster");
    }
  }

  @Test
  void suspendAndResumeOnAnUnreachableClusterAreExitThree() throws IOException {
    Cli.Result byName = Cli.run("suspend", "--cluster", "pi", "--kubeconfig", Cli.unreachableKubeconfig(dir).toString()).assertNoStackTrace();
    assertEquals(ExitCode.UNREACHABLE, byName.exit(), byName.toString());
    assertTrue(byName.err().contains("cannot reach the cluster"), byName.err());
    Cli.Result byPath = Cli.run("resume", cluster().toString(), "--kubeconfig", Cli.unreachableKubeconfig(dir).toString()).assertNoStackTrace();
    assertEquals(ExitCode.UNREACHABLE, byPath.exit(), byPath.toString());
  }

  @Test
  void suspendReadsTheNameEvenFromSourcesWithErrors() throws IOException {
    Path broken = Sources.write(dir.resolve("broken").resolve("lab.cluster"), Sources.UNKNOWN_PROPERTY).getParent();
    Cli.Result result = Cli.run("suspend", broken.toString(), "--kubeconfig", Cli.unreachableKubeconfig(dir).toString()).assertNoStackTrace();
    assertEquals(ExitCode.UNREACHABLE, result.exit(), "the name was read, so it went on to connect:\n" + result);
  }

  @Test
  void suspendWithoutAClusterNameIsExitTwo() throws IOException {
    Path nameless = Sources.write(dir.resolve("nameless").resolve("apps.cluster"), "app web { image \"nginx:1.27\" }\n")
        .getParent();
    Cli.Result result = Cli.run("suspend", nameless.toString(), "--kubeconfig", Cli.unreachableKubeconfig(dir).toString()).assertNoStackTrace();
    assertEquals(ExitCode.FAILURE, result.exit(), result.toString());
    assertTrue(result.err().contains("declares no `cluster`"), result.err());
  }
}
