package dev.clusterc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * A path the command could not use, printed as one line {@code clusterc: PATH: reason}, then
 * {@code clusterc: hint: …} when a hint helps. These make the exit status 2.
 *
 * @param path as the user wrote it or as diagnostics print it; {@code null} when no file is to blame
 * @param hint what to do about it, or {@code null}
 */
public record Failure(String path, String reason, String hint) {
  public static Failure of(String path, String reason) {
    return new Failure(path, reason, null);
  }

  /** Words for an I/O error, without Java's class names. */
  public static Failure of(String path, IOException e) {
    return new Failure(path, reason(e), null);
  }

  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof AtomicMoveNotSupportedException) {
      return "cannot replace the file atomically on this file system; left as it is";
    }
    if (e instanceof FileSystemException) {
      String why = ((FileSystemException) e).getReason();
      return why != null ? why : "I/O error (" + e.getClass().getSimpleName().replace("Exception", "") + ")";
    }
    String message = e.getMessage();
    return message != null && !message.isBlank() ? message : "I/O error";
  }

  public void print(PrintWriter err) {
    err.println("clusterc: " + (path == null ? "" : path + ": ") + reason);
    if (hint != null) {
      err.println("clusterc: hint: " + hint);
    }
  }
}
