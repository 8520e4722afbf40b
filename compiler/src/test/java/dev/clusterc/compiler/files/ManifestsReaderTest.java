package dev.clusterc.compiler.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.layout.FlatLayout;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An app's {@code manifests} are read and checked by analysis: what {@code check} reports, {@code compile} never meets. */
class ManifestsReaderTest {
  private static String app(String... manifests) {
    StringBuilder out = new StringBuilder(CheckFixture.BASE).append("app ops {\n  image \"ghcr.io/example/ops:1.0.0\"\n");
    for (String path : manifests) {
      out.append("  manifests \"").append(path).append("\"\n");
    }
    return out.append("}\n").toString();
  }

  /** The errors of analysing {@code text} in {@code dir}, one a line. */
  private static String errors(String text, Path dir) {
    Program program = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CheckFixture.program(text, dir));
    return program.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString).collect(Collectors.joining("\n"));
  }

  private static String object(String kind, String name, String namespace) {
    return "apiVersion: v1\nkind: " + kind + "\nmetadata:\n  name: " + name + "\n" + (namespace == null ? "" : "  namespace: " + namespace + "\n");
  }

  @Test
  void namesThatWouldEscapeTheOutputOrThatKubernetesRefusesAreErrorsAtTheEntry(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), String.join("---\n",
        object("ConfigMap", "../../../../outside", null),
        object("ConfigMap", "\"nul\\0name\"", null),
        object("../../x", "fine", null),
        object("ConfigMap", "fine", "Not_A_Namespace"),
        object("Service", "9lives", null),
        "apiVersion: a/b/c\nkind: ConfigMap\nmetadata:\n  name: fine\n",
        object("configmap", "fine", null)));
    String prefix = "test.cluster:10:13: error[invalid-value]: manifests of app ops: the document at ";
    String subdomain = "lower-case letters, digits, `-` and `.`, at most 253 characters, each dot-separated part starting and ending"
        + " with a letter or digit";
    assertEquals(String.join("\n",
        prefix + "bad.yaml:11: `kind: ../../x` is not a kind: a kind is a letter followed by letters and digits (as `ConfigMap`)",
        prefix + "bad.yaml:16: `metadata.namespace: Not_A_Namespace` is not a namespace name: lower-case letters, digits and `-`,"
            + " at most 63 characters, starting and ending with a letter or digit",
        prefix + "bad.yaml:1: `metadata.name: ../../../../outside` is not a valid ConfigMap name: " + subdomain,
        prefix + "bad.yaml:22: `metadata.name: 9lives` is not a valid Service name: lower-case letters, digits and `-`, at most 63"
            + " characters, starting with a letter and ending with a letter or digit",
        prefix + "bad.yaml:27: `apiVersion: a/b/c` is not an API version: it is VERSION or GROUP/VERSION (as `apps/v1`)",
        prefix + "bad.yaml:32: `kind: configmap` is spelled `ConfigMap` (kinds are case-sensitive)",
        prefix + "bad.yaml:6: `metadata.name: nul\\x00name` is not a valid ConfigMap name: " + subdomain), errors(app("bad.yaml"), dir));
  }

  @Test
  void rbacNamesMayHoldColons(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("rbac.yaml"), "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: system:ops\n");
    assertEquals("", errors(app("rbac.yaml"), dir));
  }

  @Test
  void twoObjectsKubernetesWouldTakeForOneAreAnErrorAcrossFilesAndApps(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), object("ConfigMap", "settings", null) + "---\n" + object("Namespace", "tools", null));
    Files.writeString(dir.resolve("b.yaml"), object("ConfigMap", "settings", "ops") + "---\n" + object("ConfigMap", "settings", "other"));
    Files.writeString(dir.resolve("c.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tools\n  namespace: ignored\n");
    String text = app("a.yaml", "b.yaml") + "app two {\n  image \"ghcr.io/example/two:1.0.0\"\n  manifests \"c.yaml\"\n}\n";
    assertEquals(String.join("\n",
        "test.cluster:11:13: error[invalid-value]: the document at b.yaml:1 is the ConfigMap `settings` in namespace ops a second time"
            + " (first at a.yaml:1)",
        "test.cluster:15:13: error[invalid-value]: the document at c.yaml:1 is the Namespace `tools` a second time (first at a.yaml:6)"),
        errors(text, dir));
  }

  @Test
  void kindsDifferingOnlyInCaseAreOneObject() {
    String text = CheckFixture.BASE + """
        app ops {
          image "ghcr.io/example/ops:1.0.0"
          manifests \"""
            apiVersion: example.org/v1
            kind: Widget
            metadata:
              name: w
            ---
            apiVersion: example.org/v1
            kind: widget
            metadata:
              name: w
            \"""
        }
        """;
    assertEquals("test.cluster:16:5: error[invalid-value]: the document at line 6 of the inline manifests of app ops is the widget `w`"
        + " in namespace ops a second time (first at line 1 of the inline manifests of app ops)", errors(text, Path.of("")));
  }

  @Test
  void pathsThatAreNoRegularFilesOrTooLargeOrBinaryAreRefused(@TempDir Path dir) throws Exception {
    assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("pipe.yaml").toString()).start().waitFor());
    Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
    Files.createDirectories(dir.resolve("folder.yaml"));
    Files.write(dir.resolve("big.yaml"), ("# " + "x".repeat(BoundedFile.MAX_BYTES) + "\n").getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
    Files.write(dir.resolve("latin1.yaml"), object("ConfigMap", "caf\u00e9", null).getBytes(StandardCharsets.ISO_8859_1));
    String hint = " (a `manifests` path is relative to the directory of the file that declares it)";
    Program program = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> CheckFixture.program(app("pipe.yaml", "zero.yaml", "folder.yaml", "big.yaml", "binary.yaml", "latin1.yaml"), dir));
    assertEquals(String.join("\n",
        "test.cluster:10:13: error[invalid-value]: manifests of app ops: pipe.yaml is not a regular file (a device, FIFO or socket is never read)" + hint,
        "test.cluster:11:13: error[invalid-value]: manifests of app ops: zero.yaml is not a regular file (a device, FIFO or socket is never read)" + hint,
        "test.cluster:12:13: error[invalid-value]: manifests of app ops: folder.yaml is a directory, not a file" + hint,
        "test.cluster:13:13: error[invalid-value]: manifests of app ops: big.yaml is larger than 1 MiB, the limit for a file a declaration names" + hint,
        "test.cluster:14:13: error[invalid-value]: manifests of app ops: binary.yaml is a binary file, not YAML text (a NUL byte at byte offset 4)" + hint,
        "test.cluster:15:13: error[invalid-value]: manifests of app ops: latin1.yaml is not UTF-8 text (an invalid byte near byte offset 52)" + hint),
        program.diagnostics().stream().filter(Diagnostic::isError).map(d -> d + " (" + d.hint() + ")").collect(Collectors.joining("\n")));
  }

  @Test
  void anAliasIsCompiledAsWhatItNamesAndABombIsAnError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("alias.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          labels: &labels
            tier: backend
          annotations: *labels
        data:
          mode: &mode fast
          fallback: *mode
        """);
    Program program = CheckFixture.program(app("alias.yaml"), dir);
    assertEquals("", program.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString).collect(Collectors.joining()));
    String configMap = Arrays.stream(FlatLayout.write(ManifestCompiler.compile(program)).split("---\n"))
        .filter(o -> o.contains("  name: settings\n")).findFirst().orElseThrow();
    assertEquals("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          annotations:
            clusterc.dev/source: test.cluster:10
            tier: backend
          labels:
            app.kubernetes.io/managed-by: clusterc
            app.kubernetes.io/name: ops
            app.kubernetes.io/part-of: test
            tier: backend
          name: settings
          namespace: ops
        data:
          fallback: fast
          mode: fast
        """, configMap, "each alias is what its anchor names, never the anchor's name");

    StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("  a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(8)).append("*a").append(i - 1).append("]\n");
    }
    Files.writeString(dir.resolve("bomb.yaml"), bomb);
    assertEquals("test.cluster:10:13: error[invalid-value]: manifests of app ops: bomb.yaml is not valid YAML: its aliases expand to more than"
        + " 1000000 values", errors(app("bomb.yaml"), dir));
  }

  /** A file many apps name is parsed once: a file of aliases costs its whole expansion on every parse. */
  @Test
  void aFileThatManyAppsNameIsParsedOnce(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("shared.yaml"), object("ConfigMap", "shared", "ops"));
    Program program = CheckFixture.program(CheckFixture.BASE
        + "app a { image \"a:1\"; manifests \"shared.yaml\"; namespace one }\n"
        + "app b { image \"b:1\"; manifests \"shared.yaml\"; namespace two }\n", dir);
    Decl a = program.decls(Kind.APP).stream().filter(d -> d.name().equals("a")).findFirst().orElseThrow();
    Decl b = program.decls(Kind.APP).stream().filter(d -> d.name().equals("b")).findFirst().orElseThrow();
    assertSame(program.files().manifests(a).get(0).fields(), program.files().manifests(b).get(0).fields(),
        "both apps share the one parse of shared.yaml");
  }
}
