package dev.clusterc.compiler.source;

/** A half-open range of character offsets {@code [start, end)} in one source file. */
public record SourceSpan(SourceFile file, int start, int end) {
  public SourceSpan {
    if (start < 0 || end < start || end > file.text().length()) {
      throw new IllegalArgumentException("span " + start + ".." + end + " outside " + file.path());
    }
  }

  /** An empty span at one offset, for things that are missing (a `}` never written). */
  public static SourceSpan at(SourceFile file, int offset) {
    return new SourceSpan(file, offset, offset);
  }

  public Position begin() {
    return file.position(start);
  }

  public Position finish() {
    return file.position(end);
  }

  public String text() {
    return file.text().substring(start, end);
  }

  /** The smallest span covering this one and {@code other}, which must be in the same file. */
  public SourceSpan to(SourceSpan other) {
    return new SourceSpan(file, Math.min(start, other.start), Math.max(end, other.end));
  }

  @Override
  public String toString() {
    return file.path() + ":" + begin();
  }
}
