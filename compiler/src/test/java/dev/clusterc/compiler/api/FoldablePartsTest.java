package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bracketed parts an editor folds, from the parser's tree: blocks, maps, lists, template calls, text blocks. */
class FoldablePartsTest {

  @Test
  void everyBracketedPartOutermostFirst() {
    Cursor cursor = Cursor.in("""
        use traefik { values { ports: [80,
          443] } }
        app web from small(port: 80) {
          config "/etc/x" text \"""
            a
            \"""
        }
        template small(port: int) for app { image "x:1" }
        # a comment|
        """);
    List<String> parts = cursor.navigator.foldable("test.cluster").stream()
        .map(span -> span.begin() + "-" + span.finish() + " " + span.text().charAt(0)).toList();
    assertEquals(List.of("1:13-2:11 {", "1:22-2:9 {", "1:31-2:7 [", "3:9-3:29 f", "3:30-7:2 {", "4:24-6:8 \"", "8:35-8:50 {"), parts);
    assertEquals(List.of(), cursor.navigator.foldable("elsewhere.cluster"));
  }
}
