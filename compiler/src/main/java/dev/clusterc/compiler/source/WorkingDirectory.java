package dev.clusterc.compiler.source;

import java.nio.file.Path;

/**
 * The directory source paths are shown relative to. Diagnostics, failures and "wrote" lines all
 * print a path the way the user typed it from there, so the compiler and its callers share this
 * one rule instead of each relativising paths its own way.
 *
 * @param path absolute and normalised
 */
public record WorkingDirectory(Path path) {
  public WorkingDirectory {
    path = path.toAbsolutePath().normalize();
  }

  /** The process's working directory. */
  public static WorkingDirectory current() {
    return new WorkingDirectory(Path.of(""));
  }

  /** A path as diagnostics print it: relative to this directory when under it, else absolute. */
  public String display(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (absolute.startsWith(path)) {
      String relative = path.relativize(absolute).toString();
      return relative.isEmpty() ? "." : relative;
    }
    return absolute.toString();
  }
}
