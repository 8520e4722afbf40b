package dev.clusterc.compiler.layout;

import java.nio.file.FileSystemException;

/**
 * Why an output was not written: a path the tree would escape through, two objects on one file,
 * a file compile does not own where it wants to write. Nothing of the new tree is in place when
 * this is thrown, so the command reports it (with its hint) and exits without having changed anything.
 */
public final class OutputRefusedException extends FileSystemException {
  private static final long serialVersionUID = 1L;

  private final String hint;

  /**
   * @param path the file or directory to blame, as the file system names it
   * @param reason what is wrong with it, one sentence without a final period
   * @param hint what the user can do about it, or {@code null}
   */
  public OutputRefusedException(String path, String reason, String hint) {
    super(path, null, reason);
    this.hint = hint;
  }

  /** What to do about it, or {@code null}. */
  public String hint() {
    return hint;
  }
}
