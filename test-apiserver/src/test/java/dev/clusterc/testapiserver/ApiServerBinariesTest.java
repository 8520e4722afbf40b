package dev.clusterc.testapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build-script contract: last stdout line = binary directory, failures carry stderr. */
class ApiServerBinariesTest {

  @TempDir
  Path tmp;

  @Test
  void theRealScriptYieldsTheFourProgramsAndTheirVersions() {
    ApiServerBinaries binaries = ApiServerBinaries.forThisJvm();
    assertTrue(Files.isExecutable(binaries.etcd()));
    assertTrue(Files.isExecutable(binaries.kubeApiServer()));
    assertTrue(Files.isExecutable(binaries.kubeControllerManager()));
    assertTrue(Files.isExecutable(binaries.kubeScheduler()));
    assertTrue(binaries.kubernetesVersion().matches("v1\\.\\d+\\.\\d+"), binaries.kubernetesVersion());
    assertTrue(binaries.etcdVersion().matches("v3\\.\\d+\\.\\d+"), binaries.etcdVersion());
    assertEquals(binaries, ApiServerBinaries.forThisJvm(), "built once per JVM");
  }

  @Test
  void takesTheLastStdoutLineAsTheDirectory() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    for (String name : new String[] {"etcd", "kube-apiserver", "kube-controller-manager",
        "kube-scheduler"}) {
      executable(bin.resolve(name), "#!/bin/sh\n");
    }
    Files.writeString(bin.resolve("versions.env"), "KUBERNETES_VERSION=v9.8.7\nETCD_VERSION=v3.9.9\n");
    Path script = executable(tmp.resolve("ok.sh"),
        "echo progress >&2\necho not-this-line\necho '" + bin + "'\n");
    ApiServerBinaries binaries = ApiServerBinaries.build(script);
    assertEquals(bin, binaries.directory());
    assertEquals("v9.8.7", binaries.kubernetesVersion());
    assertEquals("v3.9.9", binaries.etcdVersion());
  }

  @Test
  void aFailingBuildSurfacesItsStderr() throws IOException {
    Path script = executable(tmp.resolve("fail.sh"),
        "echo 'test-apiserver: building' >&2\necho 'go: module lookup disabled' >&2\nexit 3\n");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ApiServerBinaries.buildOnce(script));
    assertTrue(e.getMessage().contains("exit code 3"), e.getMessage());
    assertTrue(e.getMessage().contains("go: module lookup disabled"), e.getMessage());
    IllegalStateException again = assertThrows(IllegalStateException.class,
        () -> ApiServerBinaries.buildOnce(script));
    assertTrue(again.getMessage().contains("earlier run"), again.getMessage());
  }

  @Test
  void aLastLineThatIsNoDirectoryIsAnError() throws IOException {
    Path script = executable(tmp.resolve("odd.sh"), "echo done\n");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ApiServerBinaries.build(script));
    assertTrue(e.getMessage().contains("'done'"), e.getMessage());
  }

  @Test
  void aDirectoryWithoutTheControllersIsAnError() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("old"));
    for (String name : new String[] {"etcd", "kube-apiserver"}) {
      executable(bin.resolve(name), "#!/bin/sh\n");
    }
    Path script = executable(tmp.resolve("old.sh"), "echo '" + bin + "'\n");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ApiServerBinaries.build(script));
    assertTrue(e.getMessage().contains("no executable kube-controller-manager"), e.getMessage());
  }

  @Test
  void aMissingGoIsNamedClearly() {
    Map<String, String> env = new HashMap<>(Map.of("PATH", tmp.toString()));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> CacheScript.putGoOnPath(env, List.of(tmp.resolve("no-go"))));
    assertTrue(e.getMessage().startsWith("Go is not installed"), e.getMessage());
    assertTrue(e.getMessage().contains("1.26.0"), e.getMessage());
  }

  @Test
  void aGoOffThePathIsPutOnIt() throws IOException {
    Path go = executable(Files.createDirectories(tmp.resolve("go").resolve("bin")).resolve("go"), "");
    Map<String, String> env = new HashMap<>(Map.of("PATH", "/nowhere", "GOROOT", tmp.resolve("go").toString()));
    CacheScript.putGoOnPath(env, List.of());
    assertEquals(go.getParent() + ":/nowhere", env.get("PATH"));
  }

  @Test
  void findsTheRepoRootFromInsideAModule() {
    Path root = RepoPaths.repoRoot();
    assertTrue(Files.isDirectory(root.resolve("grammar")));
    assertEquals(root, RepoPaths.findRoot(root.resolve("test-apiserver").resolve("src")));
    assertEquals(root.resolve("test-apiserver").resolve("build.sh"), RepoPaths.buildScript());
  }

  private static Path executable(Path file, String body) throws IOException {
    Files.writeString(file, "#!/usr/bin/env bash\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
