package dev.clusterc.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round trips through the formatter, on generated trees and on messed-up texts made from them. */
class FormatterPropertiesTest {

  @Provide
  Arbitrary<SourceUnit> units() {
    return SyntaxTrees.units();
  }

  @Provide
  Arbitrary<String> goldenTexts() {
    return Arbitraries.of(RepoFiles.clusterFiles(RepoFiles.goldenDir())).map(RepoFiles::read);
  }

  /** print(tree) parses back, without a diagnostic, to the same tree; and it is already canonical. */
  @Property(tries = 400)
  void printedTreesParseBackToThemselves(@ForAll("units") SourceUnit unit) {
    String text = Formatter.format(unit);
    SourceUnit parsed = FormatCheck.parse("printed.cluster", text);
    assertEquals(List.of(), parsed.diagnostics(), text);
    assertEquals(SyntaxShape.of(unit), SyntaxShape.of(parsed), text);
    FormatCheck.assertLayout(parsed, text);
    assertEquals(text, Formatter.format(parsed), "the print of a tree is not its canonical layout");
  }

  /** Whatever the spacing, line breaks and comments, format(format(s)) == format(s), same tree and comments. */
  @Property(tries = 400)
  void formattingMessyTextIsIdempotent(@ForAll("units") SourceUnit unit, @ForAll long seed) {
    String messy = Perturbation.perturb(Formatter.format(unit), seed);
    FormatCheck.assertFormatsWell("messy.cluster", messy);
  }

  /** The golden files (comments everywhere) messed up again: formatting still keeps everything, idempotently. */
  @Property(tries = 200)
  void formattingMessedUpGoldenFilesIsIdempotent(@ForAll("goldenTexts") String text, @ForAll long seed) {
    FormatCheck.assertFormatsWell("messy-golden.cluster", Perturbation.perturb(text, seed));
  }
}
