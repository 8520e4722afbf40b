package dev.clusterc.cli.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fuzz run: inputs {@code from … from+count-1} of one seed, shared out to {@code jobs} threads,
 * each with its own oracle and sandbox; failing inputs are saved as reproducers. The bounded test
 * and the {@code fuzz} command both run one of these.
 */
final class FuzzCampaign {
  /** What to run. */
  record Settings(long seed, long from, long count, int jobs, long timeoutMillis, Path save, int perSignature) {}

  private final Settings settings;
  private final Corpus corpus;

  FuzzCampaign(Settings settings, Corpus corpus) {
    this.settings = settings;
    this.corpus = corpus;
  }

  /**
   * Where the sandboxes go: {@code /dev/shm} when it is a writable directory (a memory file system:
   * writing and deleting thousands of small trees a minute costs no disk), else the temporary directory.
   */
  static Path workDirectory() throws IOException {
    Path shm = Path.of("/dev/shm");
    if (Files.isDirectory(shm) && Files.isWritable(shm)) {
      try {
        return Files.createTempDirectory(shm, "clusterc-fuzz");
      } catch (IOException e) {
        // fall back to the temporary directory
      }
    }
    return Files.createTempDirectory("clusterc-fuzz");
  }

  /** Runs every input; prints a progress line to {@code progress} (may be null) every ten seconds. */
  FuzzStats run(PrintWriter progress) throws IOException, InterruptedException {
    Mutations mutations = new Mutations(corpus, settings.seed());
    Reproducers reproducers = new Reproducers(settings.save(), settings.perSignature(), settings.seed());
    FuzzStats stats = new FuzzStats();
    AtomicLong next = new AtomicLong(settings.from());
    long end = settings.from() + settings.count();
    AtomicReference<Exception> broken = new AtomicReference<>();
    Path base = workDirectory();
    List<Thread> jobs = new ArrayList<>();
    try {
      for (int j = 0; j < settings.jobs(); j++) {
        AtomicLong current = new AtomicLong(-1);
        Thread job = new Thread(() -> {
          try (Oracle oracle = new Oracle(base, settings.timeoutMillis())) {
            for (long i = next.getAndIncrement(); i < end && broken.get() == null; i = next.getAndIncrement()) {
              current.set(i);
              FuzzInput input = mutations.make(i);
              long start = System.nanoTime();
              Verdict verdict = oracle.judge(input);
              FuzzStats.Finding finding = stats.add(input, verdict, (System.nanoTime() - start) / 1_000_000);
              if (finding != null) {
                Path saved = reproducers.save(input, verdict, finding.count);
                synchronized (stats) {
                  if (finding.reproducer == null && saved != null) {
                    finding.reproducer = saved.toString();
                  }
                }
              }
            }
          } catch (IOException | RuntimeException e) {
            broken.compareAndSet(null, new IOException("the fuzzer itself failed on input " + current.get() + " (made again by --seed "
                + settings.seed() + " --from " + current.get() + " --inputs 1): " + e + " at " + topFrames(e), e));
          }
        }, "fuzz-job-" + j);
        job.setDaemon(true);
        jobs.add(job);
        job.start();
      }
      long lastPrint = System.nanoTime();
      for (Thread job : jobs) {
        while (job.isAlive()) {
          job.join(1000);
          if (progress != null && System.nanoTime() - lastPrint > 10_000_000_000L) {
            progress.println("  … " + stats.line());
            progress.flush();
            lastPrint = System.nanoTime();
          }
        }
      }
    } finally {
      Sandbox.deleteTree(base);
    }
    if (broken.get() != null) {
      throw (IOException) broken.get();
    }
    return stats;
  }

  /** Where in clusterc a failure of the fuzzer itself happened, for its one-line report. */
  private static String topFrames(Throwable e) {
    StringBuilder frames = new StringBuilder();
    int shown = 0;
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("dev.clusterc.") && shown++ < 4) {
        frames.append(shown == 1 ? "" : " < ").append(frame.getClassName().replaceAll(".*\\.", "")).append('.')
            .append(frame.getMethodName()).append(':').append(frame.getLineNumber());
      }
    }
    return frames.toString();
  }
}
