package dev.clusterc.compiler.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.program.Program;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code provides ["storage-class:X"]} makes the volumes and databases of class X wait for the component. */
class StorageClassNeedsTest {
  private static final String NFS = """
      component nfs-provisioner {
        namespace nfs
        chart     "https://charts.example.org" name "nfs-subdir-external-provisioner" version "4.0.18"
        provides  ["storage-class:nfs-client"]
      }
      """;

  private static List<String> edges(String text) {
    Program program = CheckFixture.program(CheckFixture.BASE + text);
    assertEquals("", CheckFixture.render(program.diagnostics()));
    return program.graph().edges().stream().map(e -> e + " (" + e.reason() + ")").toList();
  }

  @Test
  void aVolumeOfAUserComponentsClassWaitsForIt() {
    assertEquals(List.of("volume media → component nfs-provisioner (uses the nfs-client storage class)"),
        edges(NFS + "volume media { size 1Ti; class \"nfs-client\"; backup none }\n"));
  }

  @Test
  void aDatabaseOfThatClassWaitsForItToo() {
    assertEquals(List.of("database pg → component cloudnative-pg (is a CloudNativePG database)",
            "database pg → component nfs-provisioner (uses the nfs-client storage class)"),
        edges(NFS + "use cloudnative-pg\ndatabase pg { size 10Gi; class \"nfs-client\"; backup none }\n"));
  }

  @Test
  void aClassNoComponentProvidesIsTheClustersOwnAndNeedsNothing() {
    assertEquals(List.of(), edges("volume media { size 1Ti; class \"local-path\"; backup none }\n"));
  }

  @Test
  void theStandardLonghornClassStillNeedsLonghorn() {
    Program program = CheckFixture.program(CheckFixture.BASE + "volume media { size 1Ti; class \"longhorn\"; backup none }\n");
    assertEquals("8:26: error[missing-provider]: volume media uses the longhorn storage class, but longhorn is not in use",
        CheckFixture.render(program.diagnostics()));
  }
}
