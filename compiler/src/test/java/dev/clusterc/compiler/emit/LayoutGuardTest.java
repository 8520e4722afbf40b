package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.layout.GitOpsLayout;
import dev.clusterc.compiler.layout.OutputRefusedException;
import dev.clusterc.compiler.layout.TreeWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GitOps layout is its own guard: hostile kinds and names stay inside the tree, and collisions are errors. */
class LayoutGuardTest {
  @TempDir
  Path temp;

  @Test
  void hostileKindsAndNamesStayInsideTheTree() throws Exception {
    Unit unit = new Unit("ops", "apps", null);
    unit.add(object("../../../../outside", "../../../../outside", null));
    unit.add(object("ConfigMap", "a\0b", "tools"));
    unit.add(object("Secret", "/etc/passwd", "tools"));
    unit.add(object("Secret", "..", "tools"));
    Path tree = Files.createDirectories(temp.resolve("repo/clusters/lab"));
    GitOpsLayout.write(compilation(unit), tree);
    try (Stream<Path> all = Files.walk(temp)) {
      List<Path> files = all.filter(Files::isRegularFile).toList();
      assertEquals(5, files.size(), files.toString());
      for (Path file : files) {
        assertTrue(file.startsWith(tree.resolve("apps/ops")), file + " is inside the unit's directory");
        assertFalse(file.getFileName().toString().startsWith("."), file + " is not hidden");
      }
    }
    String kustomization = Files.readString(tree.resolve("apps/ops/kustomization.yaml"));
    assertTrue(kustomization.contains("  - ___.._.._.._outside-___.._.._.._outside.yaml\n"), kustomization);
  }

  @Test
  void twoObjectsOnOneFileAreAnErrorNotAnOverwrite() throws Exception {
    Unit unit = new Unit("ops", "apps", null);
    unit.add(object("ConfigMap", "settings", "tools"));
    unit.add(object("configmap", "settings", "tools"));
    OutputRefusedException e = assertThrows(OutputRefusedException.class,
        () -> GitOpsLayout.write(compilation(unit), temp.resolve("tree")));
    assertEquals("`ConfigMap tools/settings` and `configmap tools/settings` would be written to this one file", e.getReason());
    assertTrue(e.getFile().endsWith("apps/ops/configmap-settings.yaml"), e.getFile());
  }

  @Test
  void namesThatDifferOnlyInCaseAreOneFile() throws Exception {
    Unit unit = new Unit("ops", "apps", null);
    unit.add(object("ConfigMap", "Settings", "tools"));
    unit.add(object("ConfigMap", "settings", "tools"));
    assertThrows(OutputRefusedException.class, () -> GitOpsLayout.write(compilation(unit), temp.resolve("tree")));
  }

  @Test
  void aPathOutsideTheRootIsRefusedBeforeAnythingIsCreated() throws Exception {
    TreeWriter writer = new TreeWriter(temp.resolve("tree"));
    for (String bad : new String[] {"../escape.yaml", "/abs.yaml", "a/../../b.yaml", "a\0b.yaml", ".clusterc-owned", ""}) {
      OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> writer.text(bad, "x", "test"), bad);
      assertTrue(e.getReason().startsWith("not written: "), e.getReason());
    }
    assertFalse(Files.exists(temp.resolve("escape.yaml")));
    assertFalse(Files.exists(temp.resolve("tree")), "nothing created");
  }

  @Test
  void aFileWhereAnotherNeedsADirectoryIsRefused() throws Exception {
    TreeWriter writer = new TreeWriter(temp.resolve("tree"));
    writer.text("apps/x", "file", "the first");
    OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> writer.text("Apps/X/y.yaml", "x", "the second"));
    assertEquals("the first is written to this path, and the second needs it to be a directory", e.getReason());
    TreeWriter other = new TreeWriter(temp.resolve("other"));
    other.text("apps/x/y.yaml", "file", "the first");
    e = assertThrows(OutputRefusedException.class, () -> other.text("apps/X", "x", "the second"));
    assertEquals("a directory and the second would be written to this one file", e.getReason());
  }

  private static Compilation compilation(Unit unit) {
    return new Compilation("lab", List.of(unit), List.of(), Map.of(), null, List.of());
  }

  private static KubeObject object(String kind, String name, String namespace) {
    return KubeObject.of("v1", kind, name, namespace);
  }
}
