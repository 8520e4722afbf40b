package dev.clusterc.runtime.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void equalTextsHaveNoDiff() {
    assertEquals("", UnifiedDiff.of("a", List.of("x", "y"), "b", List.of("x", "y")));
  }

  @Test
  void oneChangedLineWithThreeLinesOfContext() {
    List<String> before = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");
    List<String> after = List.of("1", "2", "3", "4", "five", "6", "7", "8", "9");
    assertEquals("""
        --- a
        +++ b
        @@ -2,7 +2,7 @@
         2
         3
         4
        -5
        +five
         6
         7
         8
        """, UnifiedDiff.of("a", before, "b", after));
  }

  @Test
  void distantChangesMakeTwoHunks() {
    List<String> before = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
    List<String> after = List.of("A", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "L");
    assertEquals("""
        --- x
        +++ y
        @@ -1,4 +1,4 @@
        -a
        +A
         b
         c
         d
        @@ -9,4 +9,4 @@
         i
         j
         k
        -l
        +L
        """, UnifiedDiff.of("x", before, "y", after));
  }

  @Test
  void fromNothing() {
    assertEquals("""
        --- x
        +++ y
        @@ -0,0 +1,2 @@
        +a
        +b
        """, UnifiedDiff.of("x", List.of(), "y", List.of("a", "b")));
  }
}
