package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.program.Program;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One object that two units would apply is refused, at the later declaration with a note at the earlier (the base cluster is lines 1-8). */
class SharedObjectsTest {
  private static List<String> problems(String declarations) {
    Program program = AppTestSupport.clean(KindSamples.CLUSTER + declarations);
    CompileRefusedException e = assertThrows(CompileRefusedException.class, () -> ManifestCompiler.compile(program));
    return e.diagnostics().stream().map(d -> d.span().begin() + ": " + d.code().id() + ": " + d.message()
        + d.related().stream().map(r -> " | " + r.span().begin() + ": " + r.message()).reduce("", String::concat)).toList();
  }

  @Test
  void aVolumeNamedLikeTheBackupClaimOfAReplicatedVolume() {
    assertEquals(List.of("11:8: invalid-value: volume x-backup makes the PersistentVolumeClaim `media/x-backup`, which volume x "
            + "makes too, in unit x | 10:8: volume x makes the PersistentVolumeClaim `media/x-backup` here"),
        problems("""
            use volsync
            volume x { size 1Gi; local w1 at "/data/x"; replicate to w2 via syncthing; backup none; namespace media }
            volume x-backup { size 1Gi; backup none; namespace media }
            """));
  }

  @Test
  void objectsOfOneNameInOtherNamespacesOrOfOtherKindsAreDifferentObjects() {
    Program program = AppTestSupport.clean(KindSamples.CLUSTER + """
        app a { image "a:1"; manifests "apiVersion: v1\\nkind: ConfigMap\\nmetadata: { name: a, namespace: b }" }
        app b { image "b:1"; manifests "apiVersion: v1\\nkind: Secret\\nmetadata: { name: a, namespace: b }" }
        """);
    SharedNamesTest.assertWellNamed(ManifestCompiler.compile(program));
    assertEquals("", CheckFixture.render(program.diagnostics()));
  }
}
