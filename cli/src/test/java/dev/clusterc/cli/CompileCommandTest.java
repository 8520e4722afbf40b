package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {
  private static final String HOMELAB = Cli.repo().resolve("examples/homelab").toString();

  @TempDir
  Path dir;

  @TempDir
  Path sources;

  @Test
  void flatStreamToStandardOutputByDefault() {
    Cli.Result result = Cli.run("compile", HOMELAB);
    assertEquals(0, result.exit(), result::toString);
    assertTrue(result.out().startsWith("# unit ") || result.out().startsWith("---\n"), result::toString);
    assertTrue(result.out().contains("\nkind: Deployment\n"), result::toString);
    assertFalse(result.out().contains("kind: Kustomization\n"), "Flux objects belong to the GitOps tree");
    assertFalse(result.out().contains("ENC["), "encrypted files are named, not inlined");
  }

  @Test
  void gitopsTreeMatchesTheCheckedInGolden() throws Exception {
    Cli.Result result = Cli.run("compile", HOMELAB, "-o", dir.toString());
    assertEquals(0, result.exit(), result::toString);
    Path tree = dir.resolve("clusters/homelab"); // the homelab's gitops path
    assertTrue(Files.isRegularFile(tree.resolve("flux/kustomization.yaml")), result::toString);
    Path expected = Cli.repo().resolve("examples/homelab/expected");
    try (Stream<Path> files = Files.walk(expected)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertEquals(Files.readString(file), Files.readString(tree.resolve(expected.relativize(file).toString())), file.toString());
      }
    }
  }

  @Test
  void aGitopsTreeIsFollowedByTheStepsLeftByHand() {
    Cli.Result result = Cli.run("compile", HOMELAB, "-o", dir.toString());
    assertEquals(0, result.exit(), result::toString);
    String err = result.err();
    int wrote = err.indexOf("clusterc: wrote ");
    int steps = err.indexOf("clusterc: next steps (by hand, from the root of the repository):\n");
    assertTrue(wrote >= 0 && steps > wrote, "the steps come after the tree is written: " + err);
    assertTrue(err.contains("\n       flux bootstrap git --url=https://github.com/tosih/home-ops --branch=main --path=clusters/homelab\n"), err);
    assertTrue(err.contains("kubectl create secret generic sops-age --namespace=flux-system"), err);
    assertEquals("", result.out());
  }

  @Test
  void theFlatStreamPrintsNoSteps() {
    Cli.Result result = Cli.run("compile", HOMELAB, "-o", dir.toString(), "--layout", "flat");
    assertFalse(result.err().contains("next steps"), result::toString);
  }

  @Test
  void flatLayoutIntoADirectoryIsOneFile() {
    Cli.Result result = Cli.run("compile", HOMELAB, "-o", dir.toString(), "--layout", "flat");
    assertEquals(0, result.exit(), result::toString);
    assertTrue(Files.isRegularFile(dir.resolve("homelab.yaml")), result::toString);
    assertFalse(Files.exists(dir.resolve("clusters")), "no tree with the flat layout");
  }

  @Test
  void aClusterWithErrorsWritesNothing() {
    Cli.Result result = Cli.run("compile", Cli.repo().resolve("compiler/src/test/resources/check/quorum").toString(), "-o", dir.toString());
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.err().contains("error[quorum]"), result::toString);
    assertEquals("", result.out());
    assertEquals(0, dir.toFile().list().length, "nothing written");
  }

  @Test
  void theGitopsLayoutNeedsADirectory() {
    Cli.Result result = Cli.run("compile", HOMELAB, "--layout", "gitops");
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().startsWith("clusterc: the gitops layout is a directory tree"), result::toString);
  }

  @Test
  void severalClustersGoToTheirOwnDirectories() {
    Cli.Result result = Cli.run("compile", HOMELAB, Cli.repo().resolve("examples/microk8s-cnpg").toString(), "-o", dir.toString());
    assertEquals(0, result.exit(), result::toString);
    assertTrue(Files.isDirectory(dir.resolve("clusters/homelab/flux")), result::toString);
    assertTrue(Files.isDirectory(dir.resolve("clusters/microk8s-cnpg/apps/linkding")), "the default path, without gitops too");
  }

  @Test
  void twoClustersOfOneNameAreRefusedBeforeAnythingIsWritten() throws Exception {
    Path first = Sources.write(sources.resolve("one/cluster.cluster"), Sources.CLEAN);
    Path second = Sources.write(sources.resolve("two/cluster.cluster"), Sources.CLEAN);
    Cli.Result result = Cli.run("compile", first.getParent().toString(), second.getParent().toString(), "-o", dir.toString());
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().startsWith("clusterc: two of these clusters are named `pi`"), result::toString);
    assertEquals(0, dir.toFile().list().length, "nothing written");
  }

  @Test
  void severalClustersNeedADirectory() {
    Cli.Result result = Cli.run("compile", HOMELAB, Cli.repo().resolve("examples/failover-pair").toString());
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().startsWith("clusterc: several clusters need -o DIR"), result::toString);
  }

  /** Files the new tree no longer has are deleted when compile wrote them, and only then; no staging is left. */
  @Test
  void anEarlierTreeLosesTheFilesCompileWroteAndNoOthers() throws Exception {
    Path source = Sources.write(sources.resolve("pi/cluster.cluster"), Sources.CLEAN);
    assertEquals(0, Cli.run("compile", source.getParent().toString(), "-o", dir.toString()).exit());
    Path tree = dir.resolve("clusters/pi");
    assertTrue(Files.exists(tree.resolve("apps/uptime-kuma/kustomization.yaml")));
    Files.writeString(dir.resolve("keep.txt"), "not ours\n");
    Files.writeString(tree.resolve("apps/uptime-kuma/notes.txt"), "not ours either\n");
    Sources.write(source, Sources.CLEAN.substring(0, Sources.CLEAN.indexOf("app uptime-kuma")));
    Cli.Result result = Cli.run("compile", source.getParent().toString(), "-o", dir.toString());
    assertEquals(0, result.exit(), result::toString);
    assertFalse(Files.exists(tree.resolve("apps/uptime-kuma/kustomization.yaml")), "the app's files are gone");
    assertTrue(Files.exists(tree.resolve("apps/uptime-kuma/notes.txt")), "a file compile did not write stays");
    assertTrue(Files.exists(dir.resolve("keep.txt")));
    assertFalse(Files.exists(tree.resolve(".clusterc-staging")), "no staging left");
    assertFalse(Files.readString(tree.resolve(".clusterc-owned")).contains("uptime-kuma/"), "the record lists the new tree");
  }
}
