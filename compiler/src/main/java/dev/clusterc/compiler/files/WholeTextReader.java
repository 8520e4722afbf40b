package dev.clusterc.compiler.files;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * SnakeYAML's character reader over a text held whole, in linear time.
 *
 * <p>Why: SnakeYAML's own {@link StreamReader} refills a window of 1,024 characters and copies
 * what the scanner has not consumed yet on every refill; a scanner looking ahead over one long
 * scalar (a SOPS value, a certificate in a ConfigMap) keeps the whole scalar in that window, so
 * reading it costs time quadratic in its length (a 3 MB value took seconds). The files read here
 * are bounded ({@link BoundedFile#MAX_BYTES}) and already in memory, so this reader keeps their
 * code points in one array and every operation is constant time per character.
 *
 * <p>Line and column counting follows {@link StreamReader}: {@code \n}, NEL, LS and PS end a line,
 * and so does a {@code \r} not followed by {@code \n}; a byte-order mark takes no column.
 */
final class WholeTextReader extends StreamReader {
  private static final String NAME = "'text'";

  private final int[] text;
  private int pointer;
  private int index;
  private int documentIndex;
  private int line;
  private int column;

  /** @param text code points already checked with {@link #firstUnprintable} */
  WholeTextReader(int[] text) {
    super(new StringReader(""));
    this.text = text;
  }

  /** The index of the first code point YAML does not allow in a stream, or -1. */
  static int firstUnprintable(int[] text) {
    for (int i = 0; i < text.length; i++) {
      if (!StreamReader.isPrintable(text[i])) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Mark getMark() {
    return new Mark(NAME, index, line, column, text, pointer);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int length) {
    for (int i = 0; i < length && pointer < text.length; i++) {
      int c = text[pointer++];
      index++;
      documentIndex++;
      boolean lineBreak = c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029
          || (c == '\r' && pointer < text.length && text[pointer] != '\n');
      if (lineBreak) {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return peek(0);
  }

  @Override
  public int peek(int offset) {
    int at = pointer + offset;
    return at < text.length ? text[at] : '\0';
  }

  @Override
  public String prefix(int length) {
    int available = Math.max(0, Math.min(length, text.length - pointer));
    return new String(text, pointer, available);
  }

  @Override
  public String prefixForward(int length) {
    String prefix = prefix(length);
    pointer += length;
    index += length;
    documentIndex += length;
    column += length;
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return index;
  }

  @Override
  public int getLine() {
    return line;
  }
}
