package dev.clusterc.compiler.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The language reference as the compiler ships it: in the build, read into plain text, its section numbers right. */
class LanguageReferenceTest {
  @Test
  void theReferenceIsInTheBuild() {
    assertTrue(LanguageReference.class.getResource(LanguageReference.RESOURCE) != null, "language.md is a resource of the compiler");
    assertFalse(LanguageReference.read().isEmpty(), "its entry tables are read");
    assertNotEquals(LanguageReference.MISSING, LanguageReference.entry("node", null, "role"));
  }

  @Test
  void aTableRowReadsAsPlainText() {
    String range = LanguageReference.entry("pool", null, "range");
    assertTrue(range.startsWith("Repeatable."), range);
    for (String text : LanguageReference.read().values()) {
      assertFalse(text.contains("*rep.*"), text);
    }
    for (String text : LanguageReference.COMMON.values()) {
      assertFalse(text.contains("*rep.*"), text);
    }
  }

  @Test
  void theCommonEntriesPointAtTheSectionsThatDescribeThem() throws Exception {
    List<String> lines = Files.readAllLines(Repo.root().resolve("docs/language.md"));
    Pattern section = Pattern.compile("§(\\d+\\.\\d+)");
    for (Map.Entry<String, String> common : LanguageReference.COMMON.entrySet()) {
      Matcher number = section.matcher(common.getValue());
      assertTrue(number.find(), common.toString());
      String body = sectionText(lines, number.group(1));
      assertTrue(body.contains("`" + common.getKey()), "§" + number.group(1) + " describes `" + common.getKey() + "`");
    }
    assertEquals(LanguageReference.COMMON.get("layer"), LanguageReference.entry("app", null, "layer"));
  }

  /** The text of section {@code number} ({@code ### N.M …}) up to the next heading of its level or above. */
  private static String sectionText(List<String> lines, String number) {
    StringBuilder text = new StringBuilder();
    boolean in = false;
    for (String line : lines) {
      if (line.startsWith("### " + number + " ")) {
        in = true;
      } else if (in && (line.startsWith("### ") || line.startsWith("## "))) {
        break;
      }
      if (in) {
        text.append(line).append('\n');
      }
    }
    assertFalse(text.isEmpty(), "the reference has a section " + number);
    return text.toString();
  }
}
