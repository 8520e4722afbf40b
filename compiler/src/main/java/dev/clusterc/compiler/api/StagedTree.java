package dev.clusterc.compiler.api;

import dev.clusterc.compiler.layout.OutputDirectory;
import dev.clusterc.compiler.layout.OutputRefusedException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A GitOps tree written beside its target and checked, waiting to be moved into place. Several
 * clusters are staged first and installed after, so that one refusal leaves every target as it was.
 */
public final class StagedTree {
  private final OutputDirectory.Staged staged;

  StagedTree(OutputDirectory.Staged staged) {
    this.staged = staged;
  }

  /**
   * Checks, before anything is written anywhere, that {@code target} can hold a tree: neither it
   * nor a parent is a file, and it does not lie inside a Git directory. (Whether the files there
   * are compile's own to replace is checked when staging.)
   *
   * @throws RefusedOutputException when it may not
   */
  public static void check(Path target) throws IOException {
    try {
      OutputDirectory.check(target);
    } catch (OutputRefusedException e) {
      throw RefusedOutputException.of(e);
    }
  }

  /** Replaces the files an earlier compile wrote at the target with the staged ones; other files stay. */
  public void install() throws IOException {
    staged.install();
  }

  /** Deletes the staging directory; the target stays as it was. */
  public void discard() throws IOException {
    staged.discard();
  }

  /** How many files the tree holds. */
  public int files() {
    return staged.files();
  }

  /** Whether staging found, and finished, the moves of an earlier compile that was interrupted. */
  public boolean finishedEarlierRun() {
    return staged.finishedEarlierRun();
  }
}
