package dev.clusterc.compiler.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only what compile owns is replaced; whatever happens midway, the previous tree stays whole and
 * the next run leaves no debris.
 */
class OutputDirectoryTest {
  @TempDir
  Path temp;

  private static final Map<String, String> FIRST = Map.of(
      "flux/kustomization.yaml", "flux 1\n", "apps/a/kustomization.yaml", "a 1\n", "apps/b/deployment-b.yaml", "b 1\n");
  private static final Map<String, String> SECOND = Map.of(
      "flux/kustomization.yaml", "flux 2\n", "apps/a/kustomization.yaml", "a 2\n", "apps/c/deployment-c.yaml", "c 2\n");

  @Test
  void aFirstWriteRecordsItsFilesSorted() throws Exception {
    Path tree = temp.resolve("repo/clusters/lab");
    OutputDirectory.replace(tree, writer(FIRST));
    assertEquals(withRecord(FIRST), contents(tree));
    assertEquals(OwnedFiles.HEADER + "apps/a/kustomization.yaml\napps/b/deployment-b.yaml\nflux/kustomization.yaml\n",
        Files.readString(tree.resolve(OutputDirectory.RECORD)));
  }

  @Test
  void aRewriteReplacesOwnedFilesDeletesGoneOnesAndLeavesTheRestAlone() throws Exception {
    Path tree = temp.resolve("tree");
    OutputDirectory.replace(tree, writer(FIRST));
    write(tree.resolve("flux-system/gotk-components.yaml"), "bootstrap\n");
    write(tree.resolve("README.md"), "mine\n");
    write(tree.resolve("apps/b/notes.txt"), "mine too\n");
    OutputDirectory.replace(tree, writer(SECOND));
    Map<String, String> expected = new TreeMap<>(withRecord(SECOND));
    expected.put("flux-system/gotk-components.yaml", "bootstrap\n");
    expected.put("README.md", "mine\n");
    expected.put("apps/b/notes.txt", "mine too\n");
    assertEquals(expected, contents(tree));
    OutputDirectory.replace(tree, writer(Map.of("flux/kustomization.yaml", "flux 3\n")));
    assertFalse(Files.exists(tree.resolve("apps/c")), "a directory left empty by the owned files that are gone is removed");
    assertFalse(Files.exists(tree.resolve("apps/a")));
    assertTrue(Files.exists(tree.resolve("apps/b/notes.txt")), "a directory holding someone else's file stays");
  }

  @Test
  void aForeignFileInTheWayIsRefusedAndNothingChanges() throws Exception {
    Path tree = temp.resolve("tree");
    OutputDirectory.replace(tree, writer(FIRST));
    write(tree.resolve("apps/c/deployment-c.yaml"), "hand-written\n");
    Map<String, String> before = contents(tree);
    OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> OutputDirectory.replace(tree, writer(SECOND)));
    assertEquals("nothing written: apps/c/deployment-c.yaml exists, and compile did not write it", e.getReason());
    assertTrue(e.hint().contains(OutputDirectory.RECORD), e.hint());
    assertEquals(before, contents(tree));
  }

  @Test
  void aForeignFileWithTheSameBytesIsTakenOver() throws Exception {
    Path tree = temp.resolve("tree");
    write(tree.resolve("apps/a/kustomization.yaml"), "a 1\n");
    OutputDirectory.replace(tree, writer(FIRST));
    assertEquals(withRecord(FIRST), contents(tree));
  }

  @Test
  void aDirectoryOrALinkInTheWayIsRefused() throws Exception {
    Path tree = temp.resolve("tree");
    write(tree.resolve("flux/kustomization.yaml/inside.txt"), "mine\n");
    OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> OutputDirectory.replace(tree, writer(FIRST)));
    assertTrue(e.getReason().contains("flux/kustomization.yaml is a directory holding flux/kustomization.yaml/inside.txt"), e.getReason());
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    Path other = temp.resolve("other");
    Files.createDirectories(other);
    Files.createSymbolicLink(other.resolve("apps"), elsewhere);
    e = assertThrows(OutputRefusedException.class, () -> OutputDirectory.replace(other, writer(FIRST)));
    assertTrue(e.getReason().contains("apps is a symbolic link"), e.getReason());
    Path empty = temp.resolve("empty");
    Files.createDirectories(empty.resolve("flux/kustomization.yaml/made-by-hand"));
    e = assertThrows(OutputRefusedException.class, () -> OutputDirectory.replace(empty, writer(FIRST)),
        "an empty directory would stay, and moving the file over it would fail midway");
    assertTrue(e.getReason().contains("flux/kustomization.yaml is a directory holding flux/kustomization.yaml/made-by-hand"),
        e.getReason());
    Files.delete(empty.resolve("flux/kustomization.yaml/made-by-hand"));
    e = assertThrows(OutputRefusedException.class, () -> OutputDirectory.replace(empty, writer(FIRST)));
    assertTrue(e.getReason().contains("flux/kustomization.yaml is an empty directory and the tree needs a file there"), e.getReason());
    try (Stream<Path> files = Files.list(elsewhere)) {
      assertEquals(0, files.count(), "nothing written through the link");
    }
  }

  @Test
  void aFileWhereTheTreeNeedsADirectoryIsRefusedBeforeWriting() throws Exception {
    write(temp.resolve("repo/clusters"), "a file\n");
    OutputRefusedException e = assertThrows(OutputRefusedException.class,
        () -> OutputDirectory.replace(temp.resolve("repo/clusters/lab"), writer(FIRST)));
    assertEquals("is a file, and the tree needs a directory here", e.getReason());
    assertEquals("a file\n", Files.readString(temp.resolve("repo/clusters")));
  }

  @Test
  void aWriterThatFailsMidwayLeavesThePreviousTreeWholeAndNoDebris() throws Exception {
    Path tree = temp.resolve("tree");
    OutputDirectory.replace(tree, writer(FIRST));
    Map<String, String> before = contents(tree);
    IOException e = assertThrows(IOException.class, () -> OutputDirectory.replace(tree, dir -> {
      writer(SECOND).write(dir);
      throw new IOException("No space left on device");
    }));
    assertEquals("No space left on device", e.getMessage());
    assertEquals(before, contents(tree));
    Path fresh = temp.resolve("repo/clusters/lab");
    assertThrows(IllegalStateException.class, () -> OutputDirectory.replace(fresh, dir -> {
      writer(FIRST).write(dir);
      throw new IllegalStateException("midway");
    }));
    assertFalse(Files.exists(temp.resolve("repo")), "the directories created for a failed first write are gone");
  }

  @Test
  void anIncompleteStagingLeftByAKilledRunIsDiscarded() throws Exception {
    Path tree = temp.resolve("tree");
    OutputDirectory.replace(tree, writer(FIRST));
    Map<String, String> before = contents(tree);
    write(tree.resolve(OutputDirectory.STAGING + "/tree/apps/a/kustomization.yaml"), "half");
    assertFalse(OutputDirectory.recover(tree));
    assertEquals(before, contents(tree));
    write(tree.resolve(OutputDirectory.STAGING + "/tree/apps/x/half.yaml"), "half");
    OutputDirectory.replace(tree, writer(SECOND));
    assertEquals(withRecord(SECOND), contents(tree));
  }

  @Test
  void aRunKilledWhileMovingFilesIsFinishedByTheNext() throws Exception {
    Path tree = temp.resolve("tree");
    OutputDirectory.replace(tree, writer(FIRST));
    OutputDirectory.prepare(tree, writer(SECOND));
    // killed after the install deleted the old file that is gone and moved one new file: the record still the old one
    Files.delete(tree.resolve("apps/b/deployment-b.yaml"));
    Files.createDirectories(tree.resolve("apps/c"));
    Files.move(tree.resolve(OutputDirectory.STAGING + "/tree/apps/c/deployment-c.yaml"), tree.resolve("apps/c/deployment-c.yaml"));
    assertTrue(OutputDirectory.recover(tree));
    assertEquals(withRecord(SECOND), contents(tree));
    OutputDirectory.prepare(tree, writer(FIRST));
    OutputDirectory.Staged next = OutputDirectory.prepare(tree, writer(Map.of("flux/kustomization.yaml", "flux 3\n")));
    assertTrue(next.finishedEarlierRun());
    Map<String, String> visible = new TreeMap<>(contents(tree));
    visible.keySet().removeIf(f -> f.startsWith(OutputDirectory.STAGING + "/"));
    assertEquals(withRecord(FIRST), visible, "the earlier run, finished; the new one staged");
    next.install();
    assertEquals(withRecord(Map.of("flux/kustomization.yaml", "flux 3\n")), contents(tree));
  }

  @Test
  void aRefusalWhileWritingNamesTheFileWhereItWouldLand() throws Exception {
    Path tree = temp.resolve("tree");
    OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> OutputDirectory.replace(tree, dir -> {
      TreeWriter writer = new TreeWriter(dir);
      writer.text("apps/a/x.yaml", "1", "one");
      writer.text("apps/A/X.yaml", "2", "two");
    }));
    assertEquals(tree.resolve("apps/A/X.yaml").toString(), e.getFile());
    assertFalse(Files.exists(tree), "nothing left");
  }

  @Test
  void aRecordNamingAPathOutsideTheTreeIsRefused() throws Exception {
    Path tree = temp.resolve("tree");
    write(temp.resolve("victim.txt"), "keep\n");
    write(tree.resolve(OutputDirectory.RECORD), "../victim.txt\n");
    OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> OutputDirectory.replace(tree, writer(FIRST)));
    assertEquals("line 1 is not a path inside the tree (a `..` segment)", e.getReason());
    assertEquals("keep\n", Files.readString(temp.resolve("victim.txt")));
    assertFalse(Files.exists(tree.resolve(OutputDirectory.STAGING)));
  }

  @Test
  void aRecordThatIsNotTextIsRefusedByName() throws Exception {
    Path tree = temp.resolve("tree");
    Files.createDirectories(tree);
    Files.write(tree.resolve(OutputDirectory.RECORD), new byte[] {'a', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
    OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> OutputDirectory.replace(tree, writer(FIRST)));
    assertEquals(tree.resolve(OutputDirectory.RECORD).toString(), e.getFile());
    assertEquals("is not UTF-8 text, so the files compile owns here are unknown", e.getReason());
    assertFalse(Files.exists(tree.resolve(OutputDirectory.STAGING)));
  }

  @Test
  void aSecondKustomizationFileBesideOneCompileWritesIsRefused() throws Exception {
    Path tree = temp.resolve("tree");
    write(tree.resolve("flux/Kustomization"), "mine\n");
    OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> OutputDirectory.replace(tree, writer(FIRST)));
    assertTrue(e.getReason().contains("flux/Kustomization is beside the flux/kustomization.yaml compile writes"), e.getReason());
    assertEquals(Map.of("flux/Kustomization", "mine\n"), contents(tree));
  }

  @Test
  void gitsOwnDirectoryIsNeverWrittenNorDeleted() throws Exception {
    Path repo = temp.resolve("repo");
    write(repo.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    OutputRefusedException e = assertThrows(OutputRefusedException.class,
        () -> OutputDirectory.replace(repo.resolve(".git/clusters/lab"), writer(FIRST)));
    assertEquals("is Git's own directory, and compile never writes into it", e.getReason());
    Path tree = repo.resolve("clusters/lab");
    write(tree.resolve(".git/config"), "keep\n");
    write(tree.resolve(OutputDirectory.RECORD), ".git/config\n");
    e = assertThrows(OutputRefusedException.class, () -> OutputDirectory.replace(tree, writer(FIRST)));
    assertEquals("line 1 is not a path inside the tree (a `.git` segment, Git's own directory)", e.getReason());
    assertEquals("keep\n", Files.readString(tree.resolve(".git/config")));
    assertEquals(Map.of(".git/HEAD", "ref: refs/heads/main\n", "clusters/lab/.git/config", "keep\n",
        "clusters/lab/" + OutputDirectory.RECORD, ".git/config\n"), contents(repo));
  }

  @Test
  void filesAndDirectoriesFollowTheUmask() throws Exception {
    Path tree = temp.resolve("tree");
    OutputDirectory.replace(tree, writer(FIRST));
    Path referenceFile = Files.createFile(temp.resolve("reference.txt"));
    Path referenceDir = Files.createDirectory(temp.resolve("reference"));
    assertEquals(Files.getPosixFilePermissions(referenceFile), Files.getPosixFilePermissions(tree.resolve("apps/a/kustomization.yaml")));
    assertEquals(Files.getPosixFilePermissions(referenceDir), Files.getPosixFilePermissions(tree.resolve("apps/a")));
    assertEquals(Files.getPosixFilePermissions(referenceDir), Files.getPosixFilePermissions(tree));
  }

  private static OutputDirectory.Writer writer(Map<String, String> files) {
    return dir -> {
      TreeWriter tree = new TreeWriter(dir);
      for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
        tree.text(file.getKey(), file.getValue(), file.getKey());
      }
    };
  }

  private static Map<String, String> withRecord(Map<String, String> files) {
    Map<String, String> all = new TreeMap<>(files);
    StringBuilder record = new StringBuilder(OwnedFiles.HEADER);
    new TreeMap<>(files).keySet().forEach(f -> record.append(f).append('\n'));
    all.put(OutputDirectory.RECORD, record.toString());
    return all;
  }

  /** Every file below {@code root} (staging included, so debris shows) with its text. */
  private static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        files.put(OwnedFiles.relative(root, file), Files.readString(file));
      }
    }
    return files;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
