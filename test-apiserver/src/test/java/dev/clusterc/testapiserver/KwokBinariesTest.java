package dev.clusterc.testapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kwok.sh's contract: the binary, the five stages beside it, the version. */
class KwokBinariesTest {

  @TempDir
  Path tmp;

  @Test
  void theRealScriptYieldsKwokAndItsStages() throws IOException {
    KwokBinaries kwok = KwokBinaries.forThisJvm();
    assertTrue(Files.isExecutable(kwok.kwok()));
    assertEquals("v0.8.0", kwok.version());
    assertEquals(5, kwok.stages().size());
    for (Path stage : kwok.stages()) {
      assertTrue(Files.readString(stage).contains("kind: Stage"), stage + " is a Stage");
    }
    assertEquals(kwok, KwokBinaries.forThisJvm(), "built once per JVM");
  }

  @Test
  void aMissingStageIsAnError() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("kwok").resolve("stages"));
    Path binary = Files.writeString(dir.getParent().resolve("kwok"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String stage : KwokBinaries.STAGES.subList(1, KwokBinaries.STAGES.size())) {
      Files.writeString(dir.resolve(stage), "kind: Stage\n");
    }
    Path script = Files.writeString(tmp.resolve("kwok.sh"), "echo '" + dir.getParent() + "'\n");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> KwokBinaries.build(script));
    assertTrue(e.getMessage().contains("no stage node-initialize.yaml"), e.getMessage());
  }
}
