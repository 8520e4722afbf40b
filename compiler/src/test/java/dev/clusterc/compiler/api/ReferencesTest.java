package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Find references: every place that names a declaration, across files, with or without the declaration. */
class ReferencesTest {
  private static Map<String, String> twoFiles(String marked) {
    Map<String, String> documents = new LinkedHashMap<>();
    documents.put("a.cluster", DefinitionTest.CLUSTER + marked);
    documents.put("b.cluster", """
        template small(port: int) for app {
          image "x:1"
          port http $port
          route "${name}.example.org" via web
        }
        app b from small(port: 81) {}
        app c { image "x:1"; port http 80; route "c.example.org" via web; depends-on [web] }
        """);
    return documents;
  }

  @Test
  void aGatewayIsNamedInTheOtherFileAndThroughATemplate() {
    Cursor cursor = Cursor.in(twoFiles("app a { image \"x:1\"; port http 80; route \"a.example.org\" via we|b }\n"));
    List<String> spans = cursor.navigator.references(cursor.path, cursor.position, true).stream().map(Cursor::show).toList();
    assertEquals(List.of(
        "a.cluster:8:9-8:12 web",
        "a.cluster:10:62-10:65 web",
        "b.cluster:4:35-4:38 web",
        "b.cluster:7:62-7:65 web",
        "b.cluster:7:79-7:82 web"), spans);
    List<String> without = cursor.navigator.references(cursor.path, cursor.position, false).stream().map(Cursor::show).toList();
    assertEquals(spans.subList(1, spans.size()), without);
  }

  @Test
  void fromTheDeclarationItself() {
    Map<String, String> documents = twoFiles("");
    documents.put("a.cluster", documents.get("a.cluster").replace("gateway web", "gateway w|eb"));
    Cursor cursor = Cursor.in(documents);
    assertEquals(4, cursor.navigator.references(cursor.path, cursor.position, true).size());
  }

  @Test
  void aStandardComponentIsNamedByUseAndByTheCapabilitiesItProvides() {
    Cursor cursor = Cursor.in(DefinitionTest.CLUSTER.replace("use cilium", "use cil|ium"));
    List<String> spans = cursor.navigator.references(cursor.path, cursor.position, true).stream().map(Cursor::show).toList();
    assertEquals(List.of(
        "std/cilium.cluster:3:11-3:17 cilium",
        "test.cluster:6:5-6:11 cilium",
        "test.cluster:7:45-7:51 cilium",
        "test.cluster:8:41-8:47 cilium"), spans);
  }

  @Test
  void aTemplateParameterIsNamedInItsBodyAndByNamedArguments() {
    Map<String, String> documents = twoFiles("");
    documents.put("b.cluster", documents.get("b.cluster").replace("template small(port:", "template small(po|rt:"));
    Cursor cursor = Cursor.in(documents);
    List<String> spans = cursor.navigator.references(cursor.path, cursor.position, false).stream().map(Cursor::show).toList();
    assertEquals(List.of("b.cluster:3:13-3:18 $port", "b.cluster:6:18-6:22 port"), spans);
  }

  @Test
  void nothingReferredToGivesNothing() {
    Cursor cursor = Cursor.in(DefinitionTest.CLUSTER + "# a comm|ent\n");
    assertTrue(cursor.navigator.references(cursor.path, cursor.position, true).isEmpty());
  }
}
