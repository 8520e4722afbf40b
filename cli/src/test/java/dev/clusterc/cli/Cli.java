package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs {@code clusterc} in-process with captured output, as a user would call it from a pipe. */
final class Cli {
  /** What one run printed and returned. */
  record Result(int exit, String out, String err) {
    String all() {
      return out + err;
    }

    /** Whatever happened, a user never sees Java's insides. */
    Result assertNoStackTrace() {
      assertFalse(all().contains("Exception"), () -> "an exception name in the output:\n" + all());
      assertFalse(all().contains("\tat "), () -> "a stack trace in the output:\n" + all());
      return this;
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Cli() {}

  /** A kubeconfig in {@code dir} whose only cluster is a closed port on loopback: connecting fails at once. */
  static Path unreachableKubeconfig(Path dir) throws IOException {
    return Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}}]
        users: [{name: u, user: {token: t}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        current-context: x
        """);
  }

  static Result run(String... args) {
    return run(Terminal.plain(InputStream.nullInputStream()), args);
  }

  static Result runWithStdin(String stdin, String... args) {
    return run(Terminal.plain(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))), args);
  }

  static Result run(Terminal terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new Main(terminal))
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  /** Runs with standard output going to {@code out} (one that fails, say); what it printed on standard error is in the result. */
  static Result runWithOut(Writer out, String... args) {
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new Main(Terminal.plain(InputStream.nullInputStream())))
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
    return new Result(exit, "", err.toString());
  }

  /** The repository root: from Maven's {@code clusterc.repo}, else the nearest parent with {@code grammar/}. */
  static Path repo() {
    String property = System.getProperty("clusterc.repo");
    if (property != null && Files.isDirectory(Path.of(property, "grammar"))) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("grammar")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  /** A path as the CLI prints it: relative to the working directory when under it. */
  static String shown(Path path) {
    Path cwd = Path.of("").toAbsolutePath();
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
  }
}
