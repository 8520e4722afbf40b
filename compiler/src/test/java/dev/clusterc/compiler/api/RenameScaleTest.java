package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A parameter written thousands of times in strings and a text block is found and renamed in work
 * linear in the writings: each interpolation is indexed once, each text block scanned once, each
 * edit made once. Nothing here measures time; with quadratic work the test would take minutes.
 */
class RenameScaleTest {
  private static final int COPIES = 8000;

  @Test
  void eightThousandInterpolationsOfOneParameterAreRenamedEach() {
    String copies = "${p}".repeat(COPIES);
    String text = DefinitionTest.CLUSTER + "template many(|p: string = \"x\") for app {\n"
        + "  image \"x:1\"\n"
        + "  env { A: \"" + copies + "\" }\n"
        + "  config \"/etc/a\" text \"\"\"\n    " + copies + "\n    \"\"\"\n"
        + "}\n"
        + "app a from many(p: \"y\") {}\n";
    Cursor cursor = Cursor.in(Map.of("test.cluster", text));
    Renaming renamed = cursor.navigator.rename(cursor.path, cursor.position, "q");
    Renaming.Allowed allowed = assertInstanceOf(Renaming.Allowed.class, renamed, renamed.toString());
    assertEquals(1 + 2 * COPIES + 1, allowed.edits().size(), "the parameter, every ${p} in the string and the text block, the argument");
    assertEquals(2 * COPIES + 2, cursor.navigator.references(cursor.path, cursor.position, true).size(),
        "references list each writing once, with the declaration and the argument");
  }
}
