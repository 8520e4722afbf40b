package dev.clusterc.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.golden.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: {@code format/NAME.cluster} (messy input) must format to {@code NAME.formatted.cluster}.
 * With {@code -Dclusterc.update=true} (or {@code CLUSTERC_UPDATE=1}) the expected files are rewritten.
 */
class FormatterGoldenTest {
  private static final String EXPECTED = ".formatted.cluster";

  @TestFactory
  Stream<DynamicTest> goldenFiles() {
    return inputs().stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> check(input)));
  }

  @Test
  void everyRuleHasGoldenCases() {
    assertTrue(inputs().size() >= 10, "expected at least ten golden cases, found " + inputs());
  }

  @Test
  void expectedFilesAreFixedPoints() {
    for (Path input : inputs()) {
      Path expected = expectedOf(input);
      if (Files.exists(expected)) {
        String text = RepoFiles.read(expected);
        assertEquals(text, FormatCheck.assertFormatsWell(expected.toString(), text), expected + " is not formatted");
      }
    }
  }

  private static void check(Path input) throws IOException {
    String formatted = FormatCheck.assertFormatsWell(input.getFileName().toString(), RepoFiles.read(input));
    Golden.assertMatches(expectedOf(input), formatted);
  }

  private static Path expectedOf(Path input) {
    String name = input.getFileName().toString();
    return input.resolveSibling(name.substring(0, name.length() - ".cluster".length()) + EXPECTED);
  }

  private static List<Path> inputs() {
    Path dir = RepoFiles.goldenDir();
    assertTrue(Files.isDirectory(dir), "no golden directory " + dir);
    return RepoFiles.clusterFiles(dir).stream().filter(p -> !p.toString().endsWith(EXPECTED)).toList();
  }
}
