package dev.clusterc.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DirectorySource} on the real file system: edits are seen once, debounced; unchanged saves are not. */
class DirectorySourceTest {
  private static final Duration DEBOUNCE = Duration.ofMillis(300);
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** Long enough for a change that should not be reported to have been (events, debounce, hash). */
  private static final Duration QUIET = Duration.ofSeconds(2);

  @TempDir
  Path dir;

  @Test
  void theFirstLookIsTheDirectoryAsItIs() throws Exception {
    Files.writeString(dir.resolve("app.cluster"), "cluster a {}\n");
    try (DirectorySource source = new DirectorySource(dir, DEBOUNCE)) {
      Snapshot first = source.next(WAIT).orElseThrow();
      assertEquals(dir.toAbsolutePath().normalize(), first.root());
      assertEquals(DirectoryRevision.of(dir), first.revision());
      assertTrue(first.revision().matches("sha256:[0-9a-f]{64}"), first.revision());
      assertEquals(Optional.empty(), source.next(Duration.ofMillis(500)));
    }
  }

  @Test
  void aSnapshotWhoseFilesChangedSinceIsNotUnchangedAndIsHandedOutAgainWhenTheyComeBack() throws Exception {
    Files.writeString(dir.resolve("app.cluster"), "one\n");
    try (DirectorySource source = new DirectorySource(dir, DEBOUNCE)) {
      Snapshot first = source.next(WAIT).orElseThrow();
      assertTrue(source.unchanged(first));
      Files.writeString(dir.resolve("app.cluster"), "half written");
      assertFalse(source.unchanged(first), "the directory no longer holds the snapshot's revision");
      Files.writeString(dir.resolve("app.cluster"), "one\n");
      Snapshot again = source.next(WAIT).orElseThrow();
      assertEquals(first.revision(), again.revision(), "the dropped revision counts as never handed out");
      assertTrue(source.unchanged(again));
    }
  }

  @Test
  void aWrittenFileGivesOneSnapshotAfterTheDebounce() throws Exception {
    Files.writeString(dir.resolve("app.cluster"), "one\n");
    try (DirectorySource source = new DirectorySource(dir, DEBOUNCE)) {
      String before = source.next(WAIT).orElseThrow().revision();
      long written = System.nanoTime();
      Files.writeString(dir.resolve("app.cluster"), "two\n");
      Snapshot after = source.next(WAIT).orElseThrow();
      assertTrue(System.nanoTime() - written >= DEBOUNCE.toNanos(), "not before the debounce time");
      assertNotEquals(before, after.revision());
      assertEquals(DirectoryRevision.of(dir), after.revision());
      assertEquals(Optional.empty(), source.next(QUIET), "one snapshot for one edit");
    }
  }

  @Test
  void writesInABurstGiveOneSnapshotOfTheLastContent() throws Exception {
    Files.writeString(dir.resolve("app.cluster"), "start\n");
    try (DirectorySource source = new DirectorySource(dir, Duration.ofSeconds(1))) {
      source.next(WAIT).orElseThrow();
      for (int i = 0; i < 20; i++) {
        Files.writeString(dir.resolve("app.cluster"), "edit " + i + "\n");
      }
      Snapshot after = source.next(WAIT).orElseThrow();
      assertEquals(DirectoryRevision.of(dir), after.revision());
      assertEquals(Optional.empty(), source.next(QUIET));
    }
  }

  @Test
  void savingTheSameContentGivesNothing() throws Exception {
    Files.writeString(dir.resolve("app.cluster"), "same\n");
    try (DirectorySource source = new DirectorySource(dir, DEBOUNCE)) {
      source.next(WAIT).orElseThrow();
      Files.writeString(dir.resolve("app.cluster"), "same\n");
      assertEquals(Optional.empty(), source.next(QUIET));
      Files.writeString(dir.resolve("app.cluster"), "changed\n");
      assertTrue(source.next(WAIT).isPresent(), "a real change after it is still seen");
    }
  }

  @Test
  void aFileInANewSubdirectoryIsSeenAndSoAreLaterEditsInIt() throws Exception {
    Files.writeString(dir.resolve("app.cluster"), "x\n");
    try (DirectorySource source = new DirectorySource(dir, DEBOUNCE)) {
      String first = source.next(WAIT).orElseThrow().revision();
      Path sub = Files.createDirectories(dir.resolve("apps/web"));
      Files.writeString(sub.resolve("web.cluster"), "web 1\n");
      String second = source.next(WAIT).orElseThrow().revision();
      assertNotEquals(first, second);
      Files.writeString(sub.resolve("web.cluster"), "web 2\n");
      String third = source.next(WAIT).orElseThrow().revision();
      assertNotEquals(second, third, "an edit inside the new directory is seen: it is watched too");
      assertEquals(DirectoryRevision.of(dir), third);
    }
  }

  @Test
  void anEditorSavingByRenameIsSeen() throws Exception {
    Path file = dir.resolve("app.cluster");
    Files.writeString(file, "old\n");
    try (DirectorySource source = new DirectorySource(dir, DEBOUNCE)) {
      String before = source.next(WAIT).orElseThrow().revision();
      Path temporary = dir.resolve(".app.cluster.tmp1234");
      Files.writeString(temporary, "new\n");
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Snapshot after = source.next(WAIT).orElseThrow();
      assertNotEquals(before, after.revision());
      assertEquals("new\n", Files.readString(after.root().resolve("app.cluster")));
    }
  }

  @Test
  void aDeletedFileIsAChange() throws Exception {
    Files.writeString(dir.resolve("app.cluster"), "x\n");
    Files.writeString(dir.resolve("extra.cluster"), "y\n");
    try (DirectorySource source = new DirectorySource(dir, DEBOUNCE)) {
      String before = source.next(WAIT).orElseThrow().revision();
      Files.delete(dir.resolve("extra.cluster"));
      assertNotEquals(before, source.next(WAIT).orElseThrow().revision());
    }
  }

  @Test
  void hiddenDirectoriesAndBackupFilesAreNotPartOfTheSource() throws Exception {
    Files.writeString(dir.resolve("app.cluster"), "x\n");
    Path git = Files.createDirectories(dir.resolve(".git/objects"));
    try (DirectorySource source = new DirectorySource(dir, DEBOUNCE)) {
      String before = source.next(WAIT).orElseThrow().revision();
      Files.writeString(git.resolve("pack"), "objects\n");
      Files.writeString(dir.resolve("app.cluster~"), "backup\n");
      Files.writeString(dir.resolve(".app.cluster.swp"), "swap\n");
      assertEquals(Optional.empty(), source.next(QUIET));
      assertEquals(before, DirectoryRevision.of(dir));
      Files.writeString(dir.resolve(".hidden.cluster"), "cluster h {}\n");
      assertTrue(source.next(WAIT).isPresent(), "the compiler reads hidden .cluster files too, so they count");
    }
  }

  @Test
  void pollNowLooksAgainButReportsOnlyAChange() throws Exception {
    Files.writeString(dir.resolve("app.cluster"), "x\n");
    try (DirectorySource source = new DirectorySource(dir, DEBOUNCE)) {
      source.next(WAIT).orElseThrow();
      source.pollNow();
      assertEquals(Optional.empty(), source.next(QUIET));
    }
  }

  @Test
  void aMissingDirectoryIsAClearError() {
    try (DirectorySource source = new DirectorySource(dir.resolve("nowhere"), DEBOUNCE)) {
      SourceUnavailable missing = assertThrows(SourceUnavailable.class, () -> source.next(WAIT));
      assertEquals(dir.resolve("nowhere") + " is not a directory", missing.getMessage());
    }
  }

  @Test
  void aRemovedDirectoryIsUnavailableAndWatchedAgainOnceItIsBack() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("app.cluster"), "one\n");
    try (DirectorySource source = new DirectorySource(src, DEBOUNCE)) {
      String before = source.next(WAIT).orElseThrow().revision();
      CommitCheckouts.deleteTree(src);
      SourceUnavailable gone = assertThrows(SourceUnavailable.class, () -> source.next(WAIT));
      assertTrue(gone.getMessage().startsWith(src.toString()), gone.getMessage());
      Files.createDirectories(src);
      Files.writeString(src.resolve("app.cluster"), "two\n");
      Snapshot back = awaitSnapshot(source);
      assertNotEquals(before, back.revision());
      Files.writeString(src.resolve("app.cluster"), "three\n");
      assertEquals(DirectoryRevision.of(src), source.next(WAIT).orElseThrow().revision(), "edits are watched again");
    }
  }

  /** The next snapshot, looking again while the directory is unavailable, as the watch loop does. */
  private static Snapshot awaitSnapshot(DirectorySource source) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Optional<Snapshot> next = source.next(WAIT);
        if (next.isPresent()) {
          return next.get();
        }
      } catch (SourceUnavailable stillGone) {
        // looked at while the directory was not back yet
      }
    }
    throw new AssertionError("no snapshot within " + WAIT);
  }

  @Test
  void largeFilesCountBySizeAndTimeNotContent() throws Exception {
    Path big = dir.resolve("big.bin");
    byte[] content = new byte[(int) DirectoryRevision.CONTENT_LIMIT + 1];
    Files.write(big, content);
    String first = DirectoryRevision.of(dir);
    content[0] = 1;
    java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(big);
    Files.write(big, content);
    Files.setLastModifiedTime(big, time);
    assertEquals(first, DirectoryRevision.of(dir), "same size and time: the content is not read");
    Files.setLastModifiedTime(big, java.nio.file.attribute.FileTime.fromMillis(time.toMillis() + 5_000));
    assertNotEquals(first, DirectoryRevision.of(dir));
  }
}
