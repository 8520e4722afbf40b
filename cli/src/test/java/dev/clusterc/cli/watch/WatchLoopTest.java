package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.cli.Scenario;
import dev.clusterc.cli.run.UnitGraphs;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.api.Delivery;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.watch.Desired;
import dev.clusterc.runtime.watch.WatchEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch loop on a fed source and a recording sink, with the real compiler: a good revision
 * becomes one Desired with the example's units, a broken one is rejected with {@code file:line:col}
 * diagnostics and nothing submitted, the fix is submitted again; a failing source is reported and
 * the loop goes on; a stop ends a wait at once.
 */
class WatchLoopTest {
  private static final String BROKEN = """
      app broken {
        imagee "nginx:1.27"
      }
      """;

  @TempDir Path dir;
  private final FakeSource source = new FakeSource();
  private final RecordingSink sink = new RecordingSink();
  private final List<WatchEvent> events = new CopyOnWriteArrayList<>();
  private WatchLoop loop;
  private Thread thread;

  private void start(boolean direct) {
    loop = new WatchLoop(source, sink, events::add, direct, Clock.systemUTC());
    thread = new Thread(loop, "watch-loop-test");
    thread.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (loop != null) {
      loop.stop();
      thread.join(60_000);
    }
  }

  @Test
  void aGoodRevisionIsSubmittedABrokenOneRejectedAndTheFixSubmitted() throws IOException {
    Path root = Scenario.copyExample("ddd-homelab-local", dir);
    List<String> expectedUnits = UnitGraphs.of(ClusterCompiler.open(root).compile(Delivery.DIRECT).cluster().orElseThrow())
        .units().stream().map(Unit::name).toList();
    start(false);

    source.offer(new Snapshot(root, "sha256:one", "examples/ddd-homelab-local"));
    Desired first = sink.awaitSubmitted(1);
    assertEquals("sha256:one", first.revision());
    assertEquals("examples/ddd-homelab-local", first.origin());
    assertEquals("ddd-homelab-local", first.graph().cluster());
    assertEquals(expectedUnits, first.graph().units().stream().map(Unit::name).toList());
    assertTrue(sink.rejected.isEmpty(), sink.rejected::toString);

    Files.writeString(root.resolve("broken.cluster"), BROKEN);
    source.offer(new Snapshot(root, "sha256:two", "examples/ddd-homelab-local"));
    RecordingSink.Rejection rejection = sink.awaitRejected(1);
    assertEquals("sha256:two", rejection.revision());
    assertFalse(rejection.diagnostics().isEmpty());
    for (String diagnostic : rejection.diagnostics()) {
      assertTrue(diagnostic.matches("broken\\.cluster:\\d+:\\d+: .+"), diagnostic);
    }
    assertTrue(rejection.diagnostics().stream().anyMatch(d -> d.startsWith("broken.cluster:2:3: ") && d.contains("imagee")),
        rejection.diagnostics()::toString);
    assertEquals(1, sink.submitted.size(), "a revision that does not check is never submitted");
    assertTrue(events.contains(new WatchEvent.SourceRejected("sha256:two", rejection.diagnostics())), events::toString);
    assertFalse(loop.last().orElseThrow().accepted());
    assertEquals(rejection.diagnostics(), loop.last().orElseThrow().diagnostics());

    Files.delete(root.resolve("broken.cluster"));
    source.offer(new Snapshot(root, "sha256:three", "examples/ddd-homelab-local"));
    Desired fixed = sink.awaitSubmitted(2);
    assertEquals("sha256:three", fixed.revision());
    assertEquals(expectedUnits, fixed.graph().units().stream().map(Unit::name).toList());
    assertTrue(loop.last().orElseThrow().accepted());
    assertEquals(1, sink.rejected.size());
  }

  @Test
  void anUnreadableSourceIsReportedAndTheLoopGoesOn() throws IOException {
    Path root = Scenario.copyExample("ddd-homelab-local", dir);
    start(false);
    source.fail(new SourceUnavailable("https://git.example/home: connection refused", Duration.ofMillis(10), null));
    source.offer(new Snapshot(root, "abc123", "https://git.example/home@main"));
    sink.awaitSubmitted(1);
    WatchEvent.SourceUnavailable reported = events.stream().filter(WatchEvent.SourceUnavailable.class::isInstance)
        .map(WatchEvent.SourceUnavailable.class::cast).findFirst().orElseThrow();
    assertEquals("fake", reported.origin());
    assertEquals("https://git.example/home: connection refused", reported.reason());
    assertTrue(loop.sourceError().isEmpty(), "the error is cleared once the source reads again");
  }

  /** A poll (a push webhook once the remote is back) ends the pause after a failed read: it is not held for a minute. */
  @Test
  void aPollEndsThePauseAfterAFailedRead() throws IOException {
    Path root = Scenario.copyExample("ddd-homelab-local", dir);
    start(false);
    source.fail(new SourceUnavailable("https://git.example/home: connection refused", Duration.ofHours(1), null));
    RecordingSink.await(() -> loop.sourceError().isPresent(), () -> "the failure seen");
    source.offer(new Snapshot(root, "abc123", "https://git.example/home@main"));
    loop.poll();
    sink.awaitSubmitted(1);
    assertEquals(1, source.polls.get());
  }

  @Test
  void aDirectoryWithoutAClusterIsRejectedWithAReason() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    start(false);
    source.offer(new Snapshot(empty, "sha256:none", "empty"));
    RecordingSink.Rejection rejection = sink.awaitRejected(1);
    assertFalse(rejection.diagnostics().isEmpty());
    assertTrue(sink.submitted.isEmpty());
  }

  @Test
  void aGitOpsClusterIsRejectedUnlessDirect() throws IOException {
    Path root = Files.createDirectories(dir.resolve("flux"));
    Files.writeString(root.resolve("test.cluster"), """
        cluster test {
          domain "example.org"
          network { nodes 10.0.0.0/24; router 10.0.0.1 }
          gitops flux { repository "https://git.example/test" }
        }
        node cp { role control-plane; address 10.0.0.2 }
        app web { image "nginx:1.27" }
        """);
    start(false);
    source.offer(new Snapshot(root, "r1", "flux"));
    RecordingSink.Rejection rejection = sink.awaitRejected(1);
    assertTrue(rejection.diagnostics().get(0).startsWith("cluster test is deployed by Flux"), rejection.diagnostics()::toString);
    loop.stop();
    assertThrowsNothing(() -> thread.join(60_000));

    loop = new WatchLoop(source, sink, events::add, true, Clock.systemUTC());
    thread = new Thread(loop, "watch-loop-test-direct");
    thread.start();
    source.offer(new Snapshot(root, "r2", "flux"));
    assertEquals("r2", sink.awaitSubmitted(1).revision());
  }

  @Test
  void aTreeChangedBetweenItsRevisionAndTheCompileIsDroppedAndTheNextSnapshotTaken() throws Exception {
    Path root = Scenario.copyExample("ddd-homelab-local", dir);
    List<String> expectedUnits = UnitGraphs.of(ClusterCompiler.open(root).compile(Delivery.DIRECT).cluster().orElseThrow())
        .units().stream().map(Unit::name).toList();
    CountDownLatch firstLooked = new CountDownLatch(1);
    source.unchanged = snapshot -> {
      try {
        return DirectoryRevision.of(snapshot.root()).equals(snapshot.revision());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } finally {
        firstLooked.countDown();
      }
    };
    String whole = DirectoryRevision.of(root);
    // a checkout half done: the revision was taken of the whole tree, the compile reads what is left of it
    Path apps = root.resolve("apps.cluster");
    Path moved = dir.resolve("apps.cluster.away");
    Files.move(apps, moved);
    start(false);
    source.offer(new Snapshot(root, whole, "examples/ddd-homelab-local"));
    assertTrue(firstLooked.await(60, TimeUnit.SECONDS), "the loop compiled the half tree");
    Files.move(moved, apps);
    source.offer(new Snapshot(root, DirectoryRevision.of(root), "examples/ddd-homelab-local"));
    Desired applied = sink.awaitSubmitted(1);
    assertEquals(expectedUnits, applied.graph().units().stream().map(Unit::name).toList(), "compiled from the whole tree");
    assertEquals(whole, applied.revision());
    assertTrue(sink.rejected.isEmpty(), "the half tree is neither applied nor rejected: " + sink.rejected);
    assertEquals(0, events.stream().filter(WatchEvent.SourceRejected.class::isInstance).count(), events::toString);
    assertEquals(1, sink.submitted.size());
  }

  @Test
  void aRevisionCompiledWhileTheLoopIsStoppedIsNotHandedOn() throws IOException, InterruptedException {
    Path root = Scenario.copyExample("ddd-homelab-local", dir);
    start(false);
    source.unchanged = snapshot -> {
      loop.stop(); // the stop request arrives while the revision is being compiled
      return true;
    };
    source.offer(new Snapshot(root, "sha256:late", "examples/ddd-homelab-local"));
    thread.join(60_000);
    assertFalse(thread.isAlive(), "the loop ended");
    assertTrue(sink.submitted.isEmpty(), "nothing is submitted after a stop: " + sink.submitted);
    assertTrue(loop.last().isEmpty());
  }

  @Test
  void stopEndsAWaitForTheSource() throws InterruptedException {
    start(false);
    RecordingSink.await(() -> thread.getState() == Thread.State.TIMED_WAITING, () -> "the loop waiting for the source");
    loop.stop();
    thread.join(60_000);
    assertFalse(thread.isAlive(), "the loop ended");
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void assertThrowsNothing(Step step) {
    try {
      step.run();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
