package dev.clusterc.testapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crds.sh}: the real list yields one CRD per file in its group's folder, and the script's
 * checks (pinned sums, missing files, combined files) hold against a module served from a local
 * {@code file://} proxy, so they are tested without the network.
 */
class UpstreamCrdsTest {

  @TempDir
  Path tmp;

  @Test
  void everyListedCrdIsFetchedIntoItsGroupFolder() throws IOException {
    Path dir = UpstreamCrds.forThisJvm();
    List<String> entries = listEntries(RepoPaths.crdScript().resolveSibling("crds.txt"));
    List<String> sources = Files.readAllLines(dir.resolve(UpstreamCrds.SOURCES_FILE));
    assertEquals(entries.size(), sources.size(), "one file per line of crds.txt");
    Set<String> listed = sources.stream().map(line -> line.split("\t")[0]).collect(Collectors.toSet());
    List<Path> files = CrdInstaller.crdFiles(dir);
    assertEquals(listed, files.stream().map(f -> dir.relativize(f).toString()).collect(Collectors.toSet()));
    for (Path file : files) {
      List<GenericKubernetesResource> documents = Manifests.read(file);
      assertEquals(1, documents.size(), file::toString);
      GenericKubernetesResource crd = documents.get(0);
      assertEquals("CustomResourceDefinition", crd.getKind(), file::toString);
      Map<?, ?> spec = (Map<?, ?>) crd.getAdditionalProperties().get("spec");
      assertEquals(file.getParent().getFileName().toString(), spec.get("group"), file::toString);
      assertFalse(Files.readString(file).contains("{{ include"), file + " holds a Helm template");
    }
    assertEquals(dir, UpstreamCrds.forThisJvm(), "fetched once per JVM");
  }

  @Test
  void copiesWholeFilesAndCutsOneDocumentOutOfACombinedOne() throws IOException {
    Path proxy = FakeModuleProxy.write(tmp.resolve("proxy"), "example.com/crds", "v1.0.0", Map.of(
        "config/widgets.yaml", crd("widgets", "example.com", ""),
        "deploy/all.yaml", "# generated\n---\n" + crd("gadgets", "example.com", "")
            + "---\n" + crd("gizmos", "toys.example.com",
                " {{- include \"toys.labels\" . | nindent 4 }}\n    toys: \"\"")));
    String sum = servedSum(proxy, "example.com/crds@v1.0.0 h1:AAAA= config/widgets.yaml\n");

    Path dir = run(proxy, "example.com/crds@v1.0.0 " + sum + " config/widgets.yaml\n"
        + "example.com/crds@v1.0.0 " + sum + " deploy/all.yaml gizmos.toys.example.com\n");

    assertEquals(crd("widgets", "example.com", ""),
        Files.readString(dir.resolve("example.com/widgets.yaml")), "copied byte for byte");
    String gizmos = Files.readString(dir.resolve("toys.example.com/toys.example.com_gizmos.yaml"));
    assertEquals(crd("gizmos", "toys.example.com", "\n    toys: \"\""), gizmos, "without Helm's include");
    assertEquals(List.of(
        "example.com/widgets.yaml\texample.com/crds@v1.0.0\tconfig/widgets.yaml",
        "toys.example.com/toys.example.com_gizmos.yaml\texample.com/crds@v1.0.0\tdeploy/all.yaml#gizmos.toys.example.com"),
        Files.readAllLines(dir.resolve(UpstreamCrds.SOURCES_FILE)));
  }

  @Test
  void aSumOtherThanThePinnedOneIsRefused() throws IOException {
    Path proxy = FakeModuleProxy.write(tmp.resolve("proxy"), "example.com/crds", "v1.0.0",
        Map.of("a.yaml", crd("widgets", "example.com", "")));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> run(proxy, "example.com/crds@v1.0.0 h1:AAAA= a.yaml\n"));
    assertTrue(e.getMessage().contains("checksum mismatch: the list pins h1:AAAA="), e.getMessage());
  }

  @Test
  void aPathTheModuleLacksOrANameNoDocumentHasIsAnError() throws IOException {
    Path proxy = FakeModuleProxy.write(tmp.resolve("proxy"), "example.com/crds", "v1.0.0",
        Map.of("a.yaml", crd("widgets", "example.com", "")));
    String sum = servedSum(proxy, "example.com/crds@v1.0.0 h1:AAAA= a.yaml\n");
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> run(proxy, "example.com/crds@v1.0.0 " + sum + " b.yaml\n"));
    assertTrue(missing.getMessage().contains("no file b.yaml in the module"), missing.getMessage());
    IllegalStateException unnamed = assertThrows(IllegalStateException.class,
        () -> run(proxy, "example.com/crds@v1.0.0 " + sum + " a.yaml gadgets.example.com\n"));
    assertTrue(unnamed.getMessage().contains("not exactly one document named gadgets.example.com"),
        unnamed.getMessage());
  }

  /** Runs the real script against {@code proxy} with the given list, in a cache of its own. */
  private Path run(Path proxy, String list) throws IOException {
    Path listFile = Files.createTempFile(tmp, "crds", ".txt");
    Files.writeString(listFile, "# test list\n" + list);
    return UpstreamCrds.fetch(RepoPaths.crdScript(), Map.of(
        "CLUSTERC_CRD_LIST", listFile.toString(),
        "CLUSTERC_CRD_CACHE", tmp.resolve("cache").toString(),
        "GOPROXY", "file://" + proxy.toAbsolutePath(),
        "GOSUMDB", "off"));
  }

  /** The h1: sum the proxy serves, read from the script's mismatch message. */
  private String servedSum(Path proxy, String listWithWrongSum) {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(proxy, listWithWrongSum));
    Matcher m = Pattern.compile("the proxy served (h1:\\S+)").matcher(e.getMessage());
    assertTrue(m.find(), e.getMessage());
    return m.group(1);
  }

  private static String crd(String plural, String group, String labels) {
    return """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          labels:%s
          name: %s.%s
        spec:
          group: %s
        """.formatted(labels, plural, group, group);
  }

  private static List<String> listEntries(Path list) throws IOException {
    try (Stream<String> lines = Files.lines(list, StandardCharsets.UTF_8)) {
      return lines.map(line -> line.replaceAll("#.*", "").strip()).filter(line -> !line.isEmpty()).toList();
    }
  }
}
