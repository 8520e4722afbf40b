package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.watch.WatchStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness and status of a watch from its loop and its reconciler's status. */
class WatchProbesTest {
  @TempDir Path dir;
  private final WatchLoop loop = new WatchLoop(new FakeSource(), new RecordingSink(), e -> {}, false, Clock.systemUTC());
  private volatile Optional<WatchStatus> reconciler = Optional.empty();
  private volatile boolean alive = true;

  private WatchProbes probes(boolean leaderElect) {
    return new WatchProbes("examples/home", loop, () -> alive, () -> reconciler, leaderElect);
  }

  private void handleOneRevision() throws IOException {
    loop.handle(new Snapshot(Files.createDirectories(dir.resolve("empty")), "sha256:r1", "examples/home"));
  }

  @Test
  void notReadyBeforeTheFirstRevision() {
    assertEquals(Optional.of("waiting for the first revision of examples/home"), probes(false).notReady());
    assertTrue(probes(true).notReady().isPresent(), "a standby too waits for its first revision");
  }

  @Test
  void aStandbyIsReadyOnceItReadTheSource() throws IOException {
    handleOneRevision();
    assertEquals(Optional.empty(), probes(true).notReady());
    assertEquals(Optional.of("the reconciler has not started"), probes(false).notReady());
  }

  @Test
  void aReconcilingProcessIsReadyOnceSynced() throws IOException {
    handleOneRevision();
    reconciler = Optional.of(new WatchStatus("abc", "def", null, List.of(), false, 3, false));
    String reason = probes(true).notReady().orElseThrow();
    assertTrue(reason.contains("revision def pending"), reason);
    reconciler = Optional.of(new WatchStatus(null, null, null, List.of(), false, 0, false));
    assertTrue(probes(false).notReady().orElseThrow().contains("nothing to apply"));
    reconciler = Optional.of(new WatchStatus("def", null, null, List.of(), false, 3, true));
    assertEquals(Optional.empty(), probes(false).notReady());
  }

  @Test
  void aDeadLoopIsNeitherAliveNorReady() throws IOException {
    handleOneRevision();
    alive = false;
    assertFalse(probes(true).alive());
    assertEquals(Optional.of("the watch loop has stopped"), probes(true).notReady());
  }

  @Test
  void statusCarriesTheLastRevisionItsDiagnosticsAndTheReconciler() throws IOException {
    handleOneRevision();
    reconciler = Optional.of(new WatchStatus("abc", null, null, List.of("sha256:r1"), true, 7, true));
    Map<String, Object> status = probes(false).status();
    assertEquals("examples/home", status.get("source"));
    assertEquals("sha256:r1", status.get("lastRevision"));
    assertEquals(false, status.get("lastRevisionAccepted"));
    assertFalse(((List<?>) status.get("diagnostics")).isEmpty());
    assertEquals(true, status.get("reconciling"));
    @SuppressWarnings("unchecked")
    Map<String, Object> r = (Map<String, Object>) status.get("reconciler");
    assertEquals(7, r.get("objects"));
    assertEquals(true, r.get("suspended"));
  }
}
