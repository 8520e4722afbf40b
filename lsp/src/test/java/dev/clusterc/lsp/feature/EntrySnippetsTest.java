package dev.clusterc.lsp.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An entry's usage as the snippet completing its keyword inserts. */
class EntrySnippetsTest {
  @Test
  void valuesAreTabStopsConnectorsStayAndOptionalGroupsGo() {
    assertEquals("mount ${1:VOLUME} at \"$2\"$0", EntrySnippets.of("mount VOLUME at STRING"));
    assertEquals("role ${1|control-plane,worker|}$0", EntrySnippets.of("role control-plane|worker"));
    assertEquals("database ${1:DATABASE}$0", EntrySnippets.of("database DATABASE [as NAME]"));
    assertEquals("rule [$1] on [$2]$0", EntrySnippets.of("rule [SYMBOL|STRING…] on [STRING…] [in [STRING…]]"));
    assertEquals("depends-on [$1]$0", EntrySnippets.of("depends-on [REF…]"));
    assertEquals("spread ${1|true,false|}$0", EntrySnippets.of("spread BOOL"));
    assertEquals("env { $1 }$0", EntrySnippets.of("env MAP"));
    assertEquals("listener ${1:NAME} {\n\t$0\n}", EntrySnippets.of("listener NAME { … }"));
    assertEquals("resources {\n\t$0\n}", EntrySnippets.of("resources { … }"));
  }

  @Test
  void withoutSnippetsTheKeywordAndASpaceWhenValuesFollow() {
    assertEquals("mount ", EntrySnippets.plain("mount", "mount VOLUME at STRING"));
    assertEquals("spread", EntrySnippets.plain("spread", "spread"));
  }
}
