package dev.clusterc.compiler.archfixture.second;

import dev.clusterc.compiler.archfixture.first.LoopStart;

/** The other half of the package cycle of {@link LoopStart}. */
public final class LoopEnd {
  private LoopEnd() {}

  public static String next() {
    return LoopStart.class.getSimpleName();
  }
}
