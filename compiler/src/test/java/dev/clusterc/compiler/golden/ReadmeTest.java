package dev.clusterc.compiler.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.Repo;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's tour of the language is a cluster that checks clean, as a newcomer would try it. */
class ReadmeTest {
  @Test
  void theTourChecksClean() throws Exception {
    String readme = Files.readString(Repo.root().resolve("README.md"));
    Matcher tour = Pattern.compile("## A short tour\\n\\n```\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(tour.find(), "the README has a tour");
    assertEquals("", CheckFixture.check(tour.group(1)));
  }
}
