package dev.clusterc.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bounded fuzz run of {@code mvn verify}: a fixed seed and a few hundred inputs mutated from the
 * examples, the standard library and generated clusters, each checked and compiled in-process. It
 * fails on any failing input, printing the counts and each distinct failure; reproducers go to
 * {@code cli/target/fuzz-reproducers/}. Run it alone with {@code -Dtest=FuzzTest}; set
 * {@code -Dclusterc.fuzz.inputs=N} and {@code -Dclusterc.fuzz.seed=S} for a longer or other run.
 */
class FuzzTest {
  static final long SEED = Long.getLong("clusterc.fuzz.seed", 20261205L);
  static final long INPUTS = Long.getLong("clusterc.fuzz.inputs", 300L);

  @Test
  void mutatedClustersNeverCrashHangOrWriteOutsideTheOutput() throws Exception {
    Path examples = Corpus.findExamples();
    assertNotNull(examples, "the project's examples/ directory");
    Corpus corpus = Corpus.load(examples);
    PrintWriter console = new PrintWriter(System.out, true);
    console.printf("FuzzTest: seed %d, %d inputs, %d seeds%n", SEED, INPUTS, corpus.seeds.size());
    Path reproducers = Path.of("target", "fuzz-reproducers");
    Sandbox.deleteTree(reproducers);
    FuzzCampaign.Settings settings = new FuzzCampaign.Settings(SEED, 0, INPUTS, 1, 5_000, reproducers, 2);
    FuzzStats stats = new FuzzCampaign(settings, corpus).run(console);
    StringWriter summary = new StringWriter();
    stats.print(new PrintWriter(summary));
    console.print(summary);
    console.flush();

    assertEquals(INPUTS, stats.inputs(), "every input ran");
    // The mutants must reach both ends of the compiler: some still compile, some are rejected.
    assertTrue(summary.toString().contains(" ok "), "no input compiled:\n" + summary);
    assertTrue(summary.toString().contains(" findings "), "no input had findings:\n" + summary);
    assertEquals(0, stats.failures(), "failing inputs:\n" + summary);
  }
}
