package dev.clusterc.compiler.check;

import java.util.List;

/** Every checker, run in this order over a bound program. */
public final class Checkers {
  private Checkers() {}

  public static List<Checker> all() {
    return List.of(
        new ProviderChecker(),
        new LayeringChecker(),
        new CycleChecker());
  }
}
