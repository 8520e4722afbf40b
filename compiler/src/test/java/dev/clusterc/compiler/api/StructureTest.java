package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.api.SyntaxNode.Role;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The node, declaration and entry at a position, and a document's outline. */
class StructureTest {
  private static final String TEXT = DefinitionTest.CLUSTER + """
      gateway edge {
        address 10.0.0.101
        class   cilium
        listener https { hostname "*.example.org"; certificate wild|card }
      }
      """;

  @Test
  void theNodeAtAPositionIsTheInnermost() {
    assertEquals(new SyntaxNode(Role.VALUE, null, "wildcard").text(), node(TEXT).text());
    assertEquals(Role.VALUE, node(TEXT).role());
    assertEquals(Role.ENTRY_KEY, node(TEXT.replace("certificate wild|card", "certif|icate wildcard")).role());
    assertEquals(Role.KIND, node(TEXT.replace("gateway edge", "gat|eway edge").replace("wild|card", "wildcard")).role());
    assertEquals(Role.NAME, node(TEXT.replace("gateway edge", "gateway ed|ge").replace("wild|card", "wildcard")).role());
    assertEquals(Role.MAP_KEY, node(TEXT.replace("daily: 7", "dai|ly: 7").replace("wild|card", "wildcard")).role());
  }

  @Test
  void theDeclarationAndEntryAtAPosition() {
    Cursor cursor = Cursor.in(TEXT);
    Symbol declaration = cursor.navigator.declarationAt(cursor.path, cursor.position).orElseThrow();
    assertEquals("gateway edge", declaration.keyword() + " " + declaration.name());
    EntryInfo entry = cursor.navigator.entryAt(cursor.path, cursor.position).orElseThrow();
    assertEquals("certificate", entry.key());
    assertEquals("listener", entry.owner());
    assertEquals(List.of("listener", "certificate"), entry.path());
    assertEquals("certificate CERTIFICATE", entry.usage());
  }

  @Test
  void anUnknownEntryHasNoUsage() {
    Cursor cursor = Cursor.in(DefinitionTest.CLUSTER + "volume v { size 1Gi; colour bl|ue }\n");
    EntryInfo entry = cursor.navigator.entryAt(cursor.path, cursor.position).orElseThrow();
    assertEquals("colour", entry.key());
    assertEquals(null, entry.usage());
  }

  @Test
  void theOutlineNestsBlocks() {
    Cursor cursor = Cursor.in(TEXT);
    String outline = cursor.navigator.outline(cursor.path).stream().map(StructureTest::line).collect(Collectors.joining("\n"));
    assertEquals("""
        cluster test 1:9 [network  3:3]
        node cp 5:6 []
        use cilium 6:5 []
        pool lb 7:6 []
        gateway web 8:9 [listener http 8:49]
        backup nightly 9:8 []
        gateway edge 10:9 [listener https 13:3]""", outline);
  }

  @Test
  void aBrokenDocumentStillHasAnOutline() {
    Cursor cursor = Cursor.in("node a { role worker; address 10.0.0.1 }\napp b {\n  image \"x:1\n  mou|\nvolume c { size 1Gi }\n");
    List<String> names = cursor.navigator.outline(cursor.path).stream().map(o -> o.keyword() + " " + o.name()).toList();
    assertEquals("node a", names.get(0));
    assertEquals("app b", names.get(1));
  }

  private static String line(OutlineItem item) {
    return item.keyword() + " " + item.name() + " " + item.selection().begin() + " "
        + item.children().stream().map(c -> c.keyword() + " " + c.name() + " " + c.selection().begin()).toList();
  }

  private static SyntaxNode node(String marked) {
    Cursor cursor = Cursor.in(marked);
    return cursor.navigator.nodeAt(cursor.path, cursor.position).orElseThrow();
  }
}
