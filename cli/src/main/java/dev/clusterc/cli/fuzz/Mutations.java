package dev.clusterc.cli.fuzz;

import java.util.Random;

/**
 * Makes input number {@code i} of a run: a seed of the corpus and one to five stacked mutations,
 * all drawn from a random generator seeded by the run's seed and {@code i} alone, so any input can
 * be made again from those two numbers whatever the number of jobs. One input in fifty is a seed
 * unchanged, which keeps the oracle honest about the unmutated examples; one in twenty-five has
 * only an object that tries to escape the output, so that nothing else stops compile first.
 */
final class Mutations {
  /** Inputs stop growing past this many bytes. */
  private static final long MAX_INPUT_BYTES = 24L * 1024 * 1024;

  private final Corpus corpus;
  private final TokenMutator tokens;
  private final long seed;

  Mutations(Corpus corpus, long seed) {
    this.corpus = corpus;
    this.tokens = new TokenMutator(corpus.clusterTexts());
    this.seed = seed;
  }

  FuzzInput make(long index) {
    Random random = new Random(mix(seed, index));
    Corpus.Seed origin = corpus.seeds.get(random.nextInt(corpus.seeds.size()));
    FuzzInput input = new FuzzInput(origin.name(), index, origin.files());
    if (random.nextInt(50) == 0) {
      input.mutations.add("unchanged");
      return input;
    }
    if (random.nextInt(25) == 0) {
      // Alone, so that the rest of the cluster compiles and the object gets as far as being written.
      String done = HostileFiles.escape(input, random);
      if (done != null) {
        input.mutations.add(done);
        return input;
      }
    }
    int wanted = 1 + random.nextInt(random.nextInt(4) == 0 ? 5 : 2);
    for (int attempts = 0; input.mutations.size() < wanted && attempts < 20 && input.size() < MAX_INPUT_BYTES; attempts++) {
      int which = random.nextInt(100);
      String done;
      if (which < 20) {
        done = ByteMutator.mutate(input, random);
      } else if (which < 55) {
        done = tokens.mutate(input, random);
      } else if (which < 80) {
        done = DeclarationMutator.mutate(input, random);
      } else {
        done = HostileFiles.mutate(input, random);
      }
      if (done != null) {
        input.mutations.add(done);
      }
    }
    return input;
  }

  /** SplitMix64's finaliser over the seed and the index: neighbouring inputs get unrelated generators. */
  static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
