package dev.clusterc.cli.fuzz;

/**
 * What one input did. The first three are fine (the compiler said yes, said what is wrong, or
 * refused the command line or a path); every other one is a bug in clusterc that the fuzzer reports
 * with a reproducer.
 */
enum Outcome {
  /** Both commands exited 0. */
  OK,
  /** The cluster has errors: diagnostics and exit 1. */
  FINDINGS,
  /** A usage or I/O failure reported as such: exit 2. */
  USAGE,
  /** An exception escaped the command's entry point. */
  EXCEPTION,
  /** The command printed "internal error": it caught an exception it did not expect. */
  INTERNAL_ERROR,
  /** A Java stack trace or exception name was printed. */
  STACK_TRACE,
  /** An exit status other than 0, 1 or 2. */
  BAD_EXIT,
  /** A file outside the output directory was created, changed or deleted (sources included). */
  WROTE_OUTSIDE,
  /** The input did not finish within the time bound. */
  TIMEOUT,
  /** {@code check} and {@code compile} disagree on whether the cluster has errors. */
  DISAGREEMENT;

  boolean failure() {
    return ordinal() > USAGE.ordinal();
  }
}
