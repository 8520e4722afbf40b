package dev.clusterc.compiler.source;

/** A 1-based line and column; the column counts UTF-16 characters from the start of the line. */
public record Position(int line, int column) implements Comparable<Position> {
  @Override
  public int compareTo(Position other) {
    return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
