package dev.clusterc.compiler.api;

import dev.clusterc.compiler.layout.OutputRefusedException;
import java.nio.file.FileSystemException;

/**
 * Why an output was not written: a path the tree would escape through, two objects on one file,
 * a file compile does not own where it wants to write, a target inside Git's directory. Nothing of
 * the new tree is in place when this is thrown, so a caller reports it (with its hint) and stops.
 */
public final class RefusedOutputException extends FileSystemException {
  private static final long serialVersionUID = 1L;

  private final String hint;

  /**
   * @param path the file or directory to blame, as the file system names it
   * @param reason what is wrong with it, one sentence without a final period
   * @param hint what the user can do about it, or {@code null}
   */
  public RefusedOutputException(String path, String reason, String hint) {
    super(path, null, reason);
    this.hint = hint;
  }

  static RefusedOutputException of(OutputRefusedException e) {
    RefusedOutputException refused = new RefusedOutputException(e.getFile(), e.getReason(), e.hint());
    refused.initCause(e);
    return refused;
  }

  /** What to do about it, or {@code null}. */
  public String hint() {
    return hint;
  }
}
