package dev.clusterc.compiler.diag;

import dev.clusterc.compiler.program.Program;

/**
 * A test-only class that breaks the package levels on purpose: {@code diag} (the lowest level)
 * reaching up to {@code program}. The architecture test runs its rule on this class to prove the
 * rule can fail; the rule's real run imports main classes only, so this never fails the build.
 */
public final class UpwardImportFixture {
  private UpwardImportFixture() {}

  public static int diagnostics(Program program) {
    return program.diagnostics().size();
  }
}
