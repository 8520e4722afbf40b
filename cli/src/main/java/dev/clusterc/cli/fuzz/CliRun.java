package dev.clusterc.cli.fuzz;

import dev.clusterc.cli.Main;
import dev.clusterc.cli.Terminal;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import picocli.CommandLine;

/**
 * One {@code clusterc} command run in-process through the real picocli entry point, as
 * {@code Main.main} runs it but with captured, size-bounded output and with an exception that
 * escapes the command kept instead of printed.
 */
record CliRun(List<String> args, int exit, String out, String err, long printed, Throwable escaped) {
  /** Kept of each stream: its start and its end; a flood of diagnostics is counted, not stored. */
  static final int KEEP = 256 * 1024;

  /** The exit status recorded when an exception escaped. */
  static final int ESCAPED = 70;

  static CliRun run(String... args) {
    Capped out = new Capped();
    Capped err = new Capped();
    Throwable[] escaped = {null};
    int exit;
    try {
      exit = new CommandLine(new Main(Terminal.plain(InputStream.nullInputStream())))
          .setOut(new PrintWriter(out, true))
          .setErr(new PrintWriter(err, true))
          .setExecutionExceptionHandler((e, commandLine, parsed) -> {
            escaped[0] = e;
            return ESCAPED;
          })
          .execute(args);
    } catch (RuntimeException | Error e) {
      escaped[0] = e;
      exit = ESCAPED;
    }
    return new CliRun(List.of(args), exit, out.text(), err.text(), out.total + err.total, escaped[0]);
  }

  String all() {
    return out + err;
  }

  /** A writer that keeps the first and the last {@link #KEEP} characters and counts the rest. */
  private static final class Capped extends Writer {
    private final StringBuilder head = new StringBuilder();
    private final StringBuilder tail = new StringBuilder();
    long total;

    @Override
    public void write(char[] chars, int offset, int length) {
      total += length;
      int toHead = Math.min(length, KEEP - head.length());
      if (toHead > 0) {
        head.append(chars, offset, toHead);
      }
      if (length > toHead) {
        tail.append(chars, offset + toHead, length - toHead);
        if (tail.length() > 2 * KEEP) {
          tail.delete(0, tail.length() - KEEP);
        }
      }
    }

    String text() {
      if (tail.length() == 0) {
        return head.toString();
      }
      long skipped = total - head.length() - tail.length();
      return head + (skipped > 0 ? "\n[… " + skipped + " characters not kept …]\n" : "") + tail;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
