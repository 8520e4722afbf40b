package dev.clusterc.compiler.archfixture.first;

import dev.clusterc.compiler.archfixture.second.LoopEnd;

/** Half of a package cycle kept under {@code src/test} to prove the architecture test's cycle rule fails on one. */
public final class LoopStart {
  private LoopStart() {}

  public static String next() {
    return LoopEnd.class.getSimpleName();
  }
}
