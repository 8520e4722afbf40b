package dev.clusterc.compiler.format;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code .cluster} file of the repository (examples, stdlib, golden files…) that parses without
 * errors must format idempotently and keep its parsed structure and comments. No file, no test.
 */
class FormatterRepositoryTest {

  @TestFactory
  Stream<DynamicTest> everyClusterFileFormatsWell() {
    Path root = RepoFiles.root();
    return RepoFiles.clusterFiles(root).stream()
        .map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> check(root, file)));
  }

  private static void check(Path root, Path file) {
    String path = root.relativize(file).toString();
    Optional<String> text = RepoFiles.readUtf8(file);
    // A file that is not UTF-8 or has syntax errors is an input of the parser's tests, not ours.
    if (text.isPresent() && !FormatCheck.parse(path, text.get()).hasErrors()) {
      FormatCheck.assertFormatsWell(path, text.get());
    }
  }
}
