package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Completion offers {@code ignore-drift} where it is accepted, and its {@code in} connector. */
class IgnoreDriftCompletionTest {
  private static Completion at(String marked) {
    return Cursor.in(marked).completion();
  }

  private static Completion.EntryKey.Entry entry(String marked) {
    var key = assertInstanceOf(Completion.EntryKey.class, at(DefinitionTest.CLUSTER + marked));
    return key.entries().stream().filter(e -> e.name().equals("ignore-drift")).findFirst()
        .orElseThrow(() -> new AssertionError("ignore-drift is not offered in " + key.owner()));
  }

  @Test
  void appComponentAndUseOfferTheEntry() {
    for (String block : List.of("app a {\n  image \"x:1\"\n  ig|\n}\n", "component c {\n  ig|\n}\n", "use volsync { ig| }\n")) {
      var entry = entry(block);
      assertEquals("ignore-drift STRING [in NAME]", entry.usage());
      assertTrue(entry.repeatable());
    }
  }

  @Test
  void aKindOfDeclarationWithoutObjectsToIgnoreDoesNotOfferIt() {
    var key = assertInstanceOf(Completion.EntryKey.class, at(DefinitionTest.CLUSTER + "volume v {\n  size 1Gi\n  ig|\n}\n"));
    assertTrue(key.entries().stream().noneMatch(e -> e.name().equals("ignore-drift")));
  }

  @Test
  void afterThePointerComesIn() {
    var connector = assertInstanceOf(Completion.Symbols.class,
        at(DefinitionTest.CLUSTER + "app a { image \"x:1\"; ignore-drift \"/spec/replicas\" | }\n"));
    assertEquals(List.of("in"), connector.symbols());
  }
}
