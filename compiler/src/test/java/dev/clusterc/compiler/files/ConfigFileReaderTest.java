package dev.clusterc.compiler.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of {@code config PATH file FILE} are read by analysis, so {@code check} reports what {@code compile} would meet. */
class ConfigFileReaderTest {
  private static String app(String... configs) {
    StringBuilder out = new StringBuilder(CheckFixture.BASE).append("app web {\n  image \"nginx:1.27.3\"\n");
    for (String config : configs) {
      out.append("  config ").append(config).append('\n');
    }
    return out.append("}\n").toString();
  }

  private static String errors(Program program) {
    return program.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString).collect(Collectors.joining("\n"));
  }

  private static Decl web(Program program) {
    return program.decls(Kind.APP).get(0);
  }

  @Test
  void aFileNextToTheSourcesIsReadOnceAndKeptForTheEmitter(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("files"));
    Files.writeString(dir.resolve("files/nginx.conf"), "events {}\n");
    Program program = CheckFixture.program(app("\"/etc/nginx/nginx.conf\" file \"files/nginx.conf\""), dir);
    assertEquals("", errors(program));
    Files.writeString(dir.resolve("files/nginx.conf"), "changed after check\n");
    assertEquals("events {}\n", program.files().config(web(program), "/etc/nginx/nginx.conf").orElseThrow());
  }

  @Test
  void aMissingDirectoryOrBinaryFileIsAnErrorAtTheEntry(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("conf.d"));
    Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
    Program program = CheckFixture.program(app(
        "\"/etc/a.conf\" file \"missing.conf\"",
        "\"/etc/b.conf\" file \"conf.d\"",
        "\"/etc/logo.png\" file \"logo.png\""), dir);
    String prefix = "test.cluster:%d:%d: error[invalid-value]: config of app web: ";
    assertEquals(String.join("\n",
        prefix.formatted(10, 29) + "missing.conf does not exist",
        prefix.formatted(11, 29) + "conf.d is a directory, not a file",
        prefix.formatted(12, 31) + "logo.png is a binary file, not text (a NUL byte at byte offset 4)"), errors(program));
    assertEquals(java.util.Optional.empty(), program.files().config(web(program), "/etc/a.conf"));
  }

  @Test
  void allConfigsOfAnAppMustFitInOneConfigMap(@TempDir Path dir) throws IOException {
    String big = "x".repeat(600 * 1024);
    Files.writeString(dir.resolve("a.txt"), big);
    Files.writeString(dir.resolve("b.txt"), big);
    Program program = CheckFixture.program(app("\"/a.txt\" file \"a.txt\"", "\"/b.txt\" file \"b.txt\""), dir);
    assertEquals("test.cluster:10:3: error[invalid-value]: the configuration files of app web hold 1228800 bytes, more than the 1 MiB"
        + " a ConfigMap may hold", errors(program));
  }

  @Test
  void aTextBlockNeedsNoFile(@TempDir Path dir) {
    Program program = CheckFixture.program(app("\"/etc/a.conf\" text \"\"\"\n    key = value\n    \"\"\""), dir);
    assertEquals("", errors(program));
    assertEquals(java.util.Optional.empty(), program.files().config(web(program), "/etc/a.conf"));
  }
}
