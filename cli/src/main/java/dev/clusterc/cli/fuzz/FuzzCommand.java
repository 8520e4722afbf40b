package dev.clusterc.cli.fuzz;

import dev.clusterc.cli.Version;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clusterc fuzz}: mutates the examples, the standard library and generated clusters and runs
 * {@code check} and {@code compile} on each mutant in-process, reporting every input that crashes,
 * prints an internal error or a stack trace, exits with a status other than 0, 1 or 2, writes
 * outside its output, or overstays the time bound. A tool for developing clusterc, hence hidden.
 * Exit 0 when no input failed, 1 when some did, 2 when the fuzzer itself could not run.
 */
@Command(name = "fuzz", hidden = true, mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Fuzz check and compile in-process with mutated clusters; print inputs/s and counts per outcome.")
public final class FuzzCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--inputs", description = "How many inputs to run (default: ${DEFAULT-VALUE}).")
  long inputs = 1000;

  @Option(names = "--seed", description = "The run's seed: the same seed makes the same inputs (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--from", description = "Index of the first input, to run one input again (default: ${DEFAULT-VALUE}).")
  long from = 0;

  @Option(names = "--jobs", description = "Inputs run in parallel (default: ${DEFAULT-VALUE}).")
  int jobs = 1;

  @Option(names = "--timeout", description = "Seconds of CPU time one input may take; of wall time, ten times that "
      + "(default: ${DEFAULT-VALUE}).")
  double timeout = 10;

  @Option(names = "--save", paramLabel = "DIR", description = "Save failing inputs as reproducer directories under DIR.")
  Path save;

  @Option(names = "--per-signature", description = "Reproducers saved per distinct failure (default: ${DEFAULT-VALUE}).")
  int perSignature = 3;

  @Option(names = "--examples", paramLabel = "DIR",
      description = "The examples to mutate (default: the project's examples/, found from here or from the jar).")
  Path examples;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (inputs < 0 || from < 0 || jobs < 1 || timeout <= 0 || perSignature < 0) {
      err.println("clusterc: --inputs and --from must be 0 or more, --jobs 1 or more, --timeout more than 0");
      return 2;
    }
    Path corpusDir = examples != null ? examples : Corpus.findExamples();
    if (corpusDir == null) {
      err.println("clusterc: fuzz: no examples/ found; the standard library and generated clusters are the only seeds");
    }
    Corpus corpus = Corpus.load(corpusDir);
    out.printf("clusterc fuzz: seed %d, inputs %d..%d, %d jobs, %d seeds, timeout %.1f s%n",
        seed, from, from + inputs - 1, jobs, corpus.seeds.size(), timeout);
    out.flush();
    FuzzCampaign.Settings settings = new FuzzCampaign.Settings(seed, from, inputs, jobs, Math.round(timeout * 1000), save, perSignature);
    FuzzStats stats = new FuzzCampaign(settings, corpus).run(out);
    stats.print(out);
    return stats.failures() == 0 ? 0 : 1;
  }
}
