package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Go to definition: from a reference to the declaration it names, across files and into the standard library. */
class DefinitionTest {
  static final String CLUSTER = """
      cluster test {
        domain "example.org"
        network { nodes 10.0.0.0/24; router 10.0.0.1 }
      }
      node cp { role control-plane; address 10.0.0.2 }
      use cilium
      pool lb { range 10.0.0.100..10.0.0.120; via cilium }
      gateway web { address 10.0.0.100; class cilium; listener http {} }
      backup nightly { schedule "0 3 * * *"; target "s3://b/c"; keep { daily: 7 } }
      """;

  /** A span of the base cluster's first line, for tests that need one. */
  static dev.clusterc.compiler.source.SourceSpan span() {
    return new dev.clusterc.compiler.source.SourceSpan(new dev.clusterc.compiler.source.SourceFile("test.cluster", CLUSTER), 0, 7);
  }

  private static List<String> definition(String marked) {
    return Cursor.in(marked).definition().stream().map(Cursor::show).toList();
  }

  @Test
  void aMountNamesItsVolume() {
    assertEquals(List.of("volume data @ test.cluster:10:8-10:12 data"), definition(CLUSTER + """
        volume data { size 1Gi; backup none }
        app a { image "x:1"; mount da|ta at "/d" }
        """));
  }

  @Test
  void aRouteNamesAGatewayInAnotherFile() {
    Map<String, String> documents = new LinkedHashMap<>();
    documents.put("a.cluster", CLUSTER);
    documents.put("b.cluster", """
        app a { image "x:1"; port http 80; route "a.example.org" via w|eb }
        """);
    assertEquals(List.of("gateway web @ a.cluster:8:9-8:12 web"), Cursor.in(documents).definition().stream().map(Cursor::show).toList());
  }

  @Test
  void useAndCapabilitiesLeadIntoTheStandardLibrary() {
    assertEquals(List.of("component cilium @ std/cilium.cluster:3:11-3:17 cilium"),
        definition(CLUSTER.replace("use cilium", "use cil|ium")));
    assertEquals(List.of("component cilium @ std/cilium.cluster:3:11-3:17 cilium"),
        definition(CLUSTER.replace("via cilium", "via cili|um")));
    assertEquals(List.of("component cilium @ std/cilium.cluster:3:11-3:17 cilium"),
        definition(CLUSTER.replace("class cilium", "class |cilium")));
  }

  @Test
  void aTemplateNameAndItsParameters() {
    String text = CLUSTER + """
        template small(port: int, gw: gateway) for app {
          image "x:1"
          port http $po|rt
          route "${name}.example.org" via $gw
        }
        app a from small(port: 80, gw: web) {}
        """;
    assertEquals(List.of("parameter port @ test.cluster:10:16-10:20 port"), definition(text));
    assertEquals(List.of("template small @ test.cluster:10:10-10:15 small"),
        definition(text.replace("$po|rt", "$port").replace("from small", "from sm|all")));
    assertEquals(List.of("parameter gw @ test.cluster:10:27-10:29 gw"),
        definition(text.replace("$po|rt", "$port").replace("gw: web)", "g|w: web)")));
    assertEquals(List.of("gateway web @ test.cluster:8:9-8:12 web"),
        definition(text.replace("$po|rt", "$port").replace("gw: web)", "gw: w|eb)")));
  }

  @Test
  void aDeclaredNameIsItsOwnDefinition() {
    assertEquals(List.of("backup nightly @ test.cluster:9:8-9:15 nightly"), definition(CLUSTER.replace("backup nightly", "backup nigh|tly")));
  }

  @Test
  void aStandardLibraryReferenceLeadsWithinIt() {
    // nginx-gateway depends on gateway-api inside the standard library itself
    Cursor cursor = Cursor.in(CLUSTER + "use nginx|-gateway\n");
    Symbol nginx = cursor.definition().get(0);
    assertEquals("std/nginx-gateway.cluster", nginx.selection().file().path());
  }

  @Test
  void nothingWhereNoNameIs() {
    assertEquals(List.of(), definition(CLUSTER + "volume data { size 1|Gi; backup none }\n"));
    assertEquals(List.of(), definition(CLUSTER + "app a { image \"x:1\"; mount nowhere| at \"/d\" }\n"));
  }
}
