package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compile} never destroys: each case here replaced a source directory, a user's file or
 * Flux's own, wrote outside its output, or swallowed a failed write before output ownership.
 */
class CompileOutputTest {
  @TempDir
  Path temp;

  /** {@code compile homelab -o .} and {@code compile examples/homelab -o examples}: the sources stay, the tree goes to DIR/clusters/NAME. */
  @Test
  void anOutputHoldingTheSourcesLeavesThemAlone() throws Exception {
    Path repo = temp.resolve("repo");
    Path source = Sources.write(repo.resolve("pi/cluster.cluster"), Sources.CLEAN);
    Sources.write(repo.resolve("pi/.git/HEAD"), "ref: refs/heads/main\n");
    Map<String, String> before = contents(repo.resolve("pi"));
    Cli.Result result = Cli.run("compile", source.getParent().toString(), "-o", repo.toString());
    assertEquals(0, result.exit(), result::toString);
    assertEquals(before, contents(repo.resolve("pi")), "the sources and their .git are untouched");
    assertTrue(Files.isRegularFile(repo.resolve("clusters/pi/apps/uptime-kuma/kustomization.yaml")), result::toString);
  }

  /** {@code cd pi && compile . -o .}: the tree would land inside the sources. */
  @Test
  void anOutputInsideTheSourcesIsRefused() throws Exception {
    Path source = Sources.write(temp.resolve("pi/cluster.cluster"), Sources.CLEAN);
    Map<String, String> before = contents(temp);
    Cli.Result result = Cli.run("compile", source.getParent().toString(), "-o", source.getParent().toString());
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().contains(Cli.shown(temp.resolve("pi/clusters/pi")) + ": lies inside the sources "), result::toString);
    assertEquals(before, contents(temp), "nothing written");
  }

  /** The sources at the tree's own place, reached through a symbolic link: real paths are compared. */
  @Test
  void anOutputThatIsTheSourcesThroughALinkIsRefused() throws Exception {
    Path source = Sources.write(temp.resolve("repo/clusters/pi/cluster.cluster"), Sources.CLEAN);
    Path link = Files.createSymbolicLink(temp.resolve("link"), temp.resolve("repo"));
    Map<String, String> before = contents(temp.resolve("repo"));
    Cli.Result result = Cli.run("compile", source.getParent().toString(), "-o", link.toString());
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().contains(": is the sources "), result::toString);
    assertEquals(before, contents(temp.resolve("repo")));
  }

  /** A tree that would contain the sources: a gitops path of "clusters" with the sources in clusters/pi. */
  @Test
  void anOutputContainingTheSourcesIsRefused() throws Exception {
    Path source = Sources.write(temp.resolve("repo/clusters/pi/cluster.cluster"),
        Sources.CLEAN.replace("  network {", "  gitops flux { repository \"https://example.com/r.git\"; path \"clusters\" }\n  network {"));
    Cli.Result result = Cli.run("compile", source.getParent().toString(), "-o", temp.resolve("repo").toString());
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().contains(": contains the sources "), result::toString);
    assertFalse(Files.exists(temp.resolve("repo/clusters/flux")));
  }

  @Test
  void anEmptyOutputIsRefused() throws Exception {
    Path source = Sources.write(temp.resolve("pi/cluster.cluster"), Sources.CLEAN);
    Cli.Result result = Cli.run("compile", source.getParent().toString(), "-o", "");
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().startsWith("clusterc: -o: an empty output directory\nclusterc: hint: "), result::toString);
    assertFalse(Files.exists(Path.of("clusters")), "nothing written to the working directory");
    assertFalse(Files.exists(Path.of("pi")));
  }

  /** A gitops path that would leave -o DIR is an error at its entry; one using compile's own names is refused. */
  @Test
  void aGitopsPathLeavingTheOutputIsRefused() throws Exception {
    Path source = Sources.write(temp.resolve("src/pi/cluster.cluster"),
        Sources.CLEAN.replace("  network {", "  gitops flux { repository \"https://example.com/r.git\"; path \"../escaped\" }\n  network {"));
    Cli.Result result = Cli.run("compile", source.getParent().toString(), "-o", temp.resolve("repo").toString());
    assertEquals(1, result.exit(), result::toString);
    assertTrue(result.err().contains("error[invalid-value]: the gitops path `../escaped` has a `..` segment"), result::toString);
    Sources.write(source, Sources.CLEAN.replace("  network {",
        "  gitops flux { repository \"https://example.com/r.git\"; path \".clusterc-staging/x\" }\n  network {"));
    result = Cli.run("compile", source.getParent().toString(), "-o", temp.resolve("repo").toString());
    assertEquals(1, result.exit(), "check refuses the name compile keeps for itself: " + result);
    assertTrue(result.err().contains("error[invalid-value]: the gitops path `.clusterc-staging/x` has a name starting with `.clusterc-`"),
        result::toString);
    Sources.write(source, Sources.CLEAN.replace("  network {",
        "  gitops flux { repository \"https://example.com/r.git\"; path \".git\" }\n  network {"));
    result = Cli.run("compile", source.getParent().toString(), "-o", temp.resolve("repo").toString());
    assertEquals(1, result.exit(), "Git's own directory is never a tree: " + result);
    assertFalse(Files.exists(temp.resolve("escaped")));
    assertFalse(Files.exists(temp.resolve("repo")));
  }

  /** {@code flux bootstrap --path=clusters/pi} wrote flux-system/ there; a README too: a recompile keeps both. */
  @Test
  void aRecompileKeepsFluxSystemAndEveryFileCompileDidNotWrite() throws Exception {
    Path source = Sources.write(temp.resolve("src/pi/cluster.cluster"), Sources.CLEAN);
    Path repo = temp.resolve("repo");
    assertEquals(0, Cli.run("compile", source.getParent().toString(), "-o", repo.toString()).exit());
    Sources.write(repo.resolve("clusters/pi/flux-system/gotk-components.yaml"), "# bootstrap\n");
    Sources.write(repo.resolve("clusters/pi/README.md"), "# mine\n");
    Cli.Result result = Cli.run("compile", source.getParent().toString(), "-o", repo.toString());
    assertEquals(0, result.exit(), result::toString);
    assertEquals("# bootstrap\n", Files.readString(repo.resolve("clusters/pi/flux-system/gotk-components.yaml")));
    assertEquals("# mine\n", Files.readString(repo.resolve("clusters/pi/README.md")));
    assertTrue(Files.isRegularFile(repo.resolve("clusters/pi/flux/kustomization.yaml")) || Files.isRegularFile(
        repo.resolve("clusters/pi/apps/uptime-kuma/kustomization.yaml")), "the tree shares the directory bootstrap wrote to");
  }

  @Test
  void aFileCompileDidNotWriteIsNeverOverwritten() throws Exception {
    Path source = Sources.write(temp.resolve("src/pi/cluster.cluster"), Sources.CLEAN);
    Path repo = temp.resolve("repo");
    Path mine = Sources.write(repo.resolve("clusters/pi/apps/uptime-kuma/kustomization.yaml"), "# hand-written\n");
    Cli.Result result = Cli.run("compile", source.getParent().toString(), "-o", repo.toString());
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().startsWith("clusterc: " + Cli.shown(repo.resolve("clusters/pi"))
        + ": nothing written: apps/uptime-kuma/kustomization.yaml exists, and compile did not write it\n"), result::toString);
    assertEquals("# hand-written\n", Files.readString(mine));
    assertEquals(Map.of("apps/uptime-kuma/kustomization.yaml", "# hand-written\n"), contents(repo.resolve("clusters/pi")));
  }

  /** {@code -o DIR} where the tree's place is a regular file: before, the file was replaced by the tree. */
  @Test
  void aFileWhereTheTreeGoesIsRefused() throws Exception {
    Path source = Sources.write(temp.resolve("src/pi/cluster.cluster"), Sources.CLEAN);
    Path file = Sources.write(temp.resolve("repo/clusters/pi"), "precious\n");
    Cli.Result result = Cli.run("compile", source.getParent().toString(), "-o", temp.resolve("repo").toString());
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().startsWith("clusterc: " + Cli.shown(file) + ": is a file, and the tree needs a directory here\n"), result::toString);
    assertEquals("precious\n", Files.readString(file));
  }

  /** What a killed run left (an incomplete staging, a flat file's temporary) is cleaned by the next run. */
  @Test
  void theNextRunCleansWhatAKilledOneLeft() throws Exception {
    Path source = Sources.write(temp.resolve("src/pi/cluster.cluster"), Sources.CLEAN);
    Path repo = temp.resolve("repo");
    Sources.write(repo.resolve("clusters/pi/.clusterc-staging/tree/apps/half/deployment-half.yaml"), "half");
    Cli.Result result = Cli.run("compile", source.getParent().toString(), "-o", repo.toString());
    assertEquals(0, result.exit(), result::toString);
    assertFalse(Files.exists(repo.resolve("clusters/pi/.clusterc-staging")));
    assertFalse(Files.exists(repo.resolve("clusters/pi/apps/half")));
    Sources.write(repo.resolve(".pi.yaml.clusterc-tmp"), "half");
    result = Cli.run("compile", source.getParent().toString(), "-o", repo.toString(), "--layout", "flat");
    assertEquals(0, result.exit(), result::toString);
    assertFalse(Files.exists(repo.resolve(".pi.yaml.clusterc-tmp")));
  }

  /** An object named {@code ../../../../outside} in a manifests file stays inside the output; two on one file are an error. */
  @Test
  void hostileObjectNamesStayInsideTheOutput() throws Exception {
    Path src = temp.resolve("src/pi");
    Sources.write(src.resolve("cluster.cluster"), Sources.CLEAN + "app ops {\n  image \"ghcr.io/example/ops:1.0.0\"\n  manifests \"raw.yaml\"\n}\n");
    Sources.write(src.resolve("raw.yaml"), "apiVersion: v1\nkind: ../../../../outside\nmetadata:\n  name: ../../../../outside\n  namespace: ops\n");
    Path repo = temp.resolve("a/b/c/repo");
    Cli.Result result = Cli.run("compile", src.toString(), "-o", repo.toString());
    result.assertNoStackTrace();
    try (Stream<Path> all = Files.walk(temp)) {
      assertEquals(0, all.filter(p -> p.getFileName().toString().contains("outside") && !p.startsWith(repo)).count(),
          "nothing named outside is written outside -o DIR\n" + result);
    }
    Sources.write(src.resolve("raw.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: ops\n"
        + "---\napiVersion: v1\nkind: configmap\nmetadata:\n  name: settings\n  namespace: ops\n");
    Path other = temp.resolve("other");
    result = Cli.run("compile", src.toString(), "-o", other.toString()).assertNoStackTrace();
    assertEquals(1, result.exit(), "two objects that would be one file are an error\n" + result);
    assertTrue(result.err().contains("`kind: configmap` is spelled `ConfigMap`"), result::toString);
    assertFalse(Files.exists(other.resolve("clusters/pi/apps")), "nothing written\n" + result);
  }

  @Test
  void aFlatFileCompileDidNotWriteIsNotReplaced() throws Exception {
    Path source = Sources.write(temp.resolve("src/pi/cluster.cluster"), Sources.CLEAN);
    Path mine = Sources.write(temp.resolve("out/pi.yaml"), "# my notes\n");
    Cli.Result result = Cli.run("compile", source.getParent().toString(), "-o", temp.resolve("out").toString(), "--layout", "flat");
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().startsWith("clusterc: " + Cli.shown(mine) + ": exists, and compile did not write it"), result::toString);
    assertEquals("# my notes\n", Files.readString(mine));
    Files.delete(mine);
    assertEquals(0, Cli.run("compile", source.getParent().toString(), "-o", temp.resolve("out").toString(), "--layout", "flat").exit());
    assertTrue(Files.readString(mine).startsWith(CompileOutput.FLAT_MARK));
    assertEquals(0, Cli.run("compile", source.getParent().toString(), "-o", temp.resolve("out").toString(), "--layout", "flat").exit(),
        "its own file is replaced");
  }

  @Test
  void clustersWhoseTreesNestAreRefused() throws Exception {
    Path one = Sources.write(temp.resolve("src/one/cluster.cluster"),
        Sources.CLEAN.replace("  network {", "  gitops flux { repository \"https://example.com/r.git\"; path \"clusters\" }\n  network {"));
    Path two = Sources.write(temp.resolve("src/two/cluster.cluster"), Sources.CLEAN.replace("cluster pi", "cluster pj"));
    Cli.Result result = Cli.run("compile", one.getParent().toString(), two.getParent().toString(), "-o", temp.resolve("repo").toString());
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().startsWith("clusterc: clusters `pi` and `pj` would be written to "), result::toString);
    assertFalse(Files.exists(temp.resolve("repo")));
    Path three = Sources.write(temp.resolve("src/three/cluster.cluster"), Sources.CLEAN.replace("cluster pi",
        "cluster pk").replace("  network {", "  gitops flux { repository \"https://example.com/r.git\"; path \"clusters/pj\" }\n  network {"));
    result = Cli.run("compile", two.getParent().toString(), three.getParent().toString(), "-o", temp.resolve("repo").toString());
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().startsWith("clusterc: clusters `pj` and `pk` would both be written to "), result::toString);
  }

  /** {@code compile -o - > /dev/full}: the failed write is an error, not exit 0. */
  @Test
  void aFailedWriteToStandardOutputIsAnError() throws Exception {
    Path source = Sources.write(temp.resolve("src/pi/cluster.cluster"), Sources.CLEAN);
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    Cli.Result result = Cli.runWithOut(new OutputStreamWriter(full, StandardCharsets.UTF_8), "compile", source.getParent().toString());
    assertEquals(2, result.exit(), result::toString);
    assertEquals("clusterc: standard output: write failed; the stream is incomplete\n", result.err());
  }

  /** Every file below {@code root}, hidden ones included, with its text. */
  static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        files.put(root.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }
}
