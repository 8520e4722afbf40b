package dev.clusterc.compiler.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret's file is read and checked by analysis; a plaintext "sops" file never reaches the tree. */
class SecretFileReaderTest {
  private static final String USER = "app web { image \"nginx:1.27\"; secret-env token }\n";

  private static Program program(Path dir, String file, String keys) {
    return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CheckFixture.program(CheckFixture.BASE
        + "secret token { sops \"" + file + "\"" + keys + " }\n" + USER, dir));
  }

  private static String errors(Program program) {
    return program.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message).collect(Collectors.joining("\n"));
  }

  private static String secret(String body) {
    return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\nstringData:\n  api-token: ENC[AES256_GCM,data:AAAA,type:str]\n" + body;
  }

  @Test
  void aSopsFileWithoutSopsMetadataIsAPlaintextSecretAndAnError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("token.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\nstringData:\n  api-token: hunter2\n");
    Program program = program(dir, "token.yaml", "; keys [\"api-token\"]");
    assertEquals("secret `token`: file `token.yaml` has no SOPS metadata: it is a plaintext Secret, and clusterc never puts a"
        + " plaintext secret into a tree meant for Git", errors(program));
    assertTrue(program.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow().hint()
        .startsWith("encrypt it in place: `sops --encrypt"));
    assertTrue(program.files().secret(program.decls(Kind.SECRET).get(0)).isEmpty(), "nothing is kept to be emitted");
    Files.writeString(dir.resolve("token.yaml"), secret("sops:\n  version: 3.10.2\n"));
    assertEquals("secret `token`: file `token.yaml` has no SOPS metadata: it is a plaintext Secret, and clusterc never puts a"
        + " plaintext secret into a tree meant for Git", errors(program(dir, "token.yaml", "")), "metadata without a MAC is none");
  }

  @Test
  void theBytesAnalysisReadAreWhatTheUnitCarries(@TempDir Path dir) throws IOException {
    byte[] bytes = secret("sops:\n  mac: ENC[AES256_GCM,data:AAAA,type:str]\n  version: 3.10.2\n").replace("\n", "\r\n")
        .getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("token.yaml"), bytes);
    Program program = program(dir, "token.yaml", "");
    assertEquals("", errors(program));
    Files.writeString(dir.resolve("token.yaml"), "changed after check");
    assertArrayEquals(bytes, program.files().secret(program.decls(Kind.SECRET).get(0)).orElseThrow().bytes());
  }

  @Test
  void unreadableFilesAreDiagnosticsNotExceptions(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 'a'});
    Files.write(dir.resolve("latin1.yaml"), secret("note: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("pipe.yaml").toString()).start().waitFor());
    assertEquals("secret `token`: file `binary.yaml` is a binary file, not YAML text (a NUL byte at byte offset 2)",
        errors(program(dir, "binary.yaml", "")));
    assertEquals("secret `token`: file `latin1.yaml` is not UTF-8 text (an invalid byte near byte offset 121)",
        errors(program(dir, "latin1.yaml", "")));
    assertEquals("secret `token`: file `pipe.yaml` is not a regular file (a device, FIFO or socket is never read)",
        errors(program(dir, "pipe.yaml", "")));
    assertEquals("secret `token`: file `/dev/zero` is not a regular file (a device, FIFO or socket is never read)",
        errors(program(dir, "/dev/zero", "")));
    assertEquals("secret `token`: file `.` is a directory, not a file", errors(program(dir, ".", "")));
  }

  @Test
  void aFileOfSeveralObjectsOrWithAnInvalidNamespaceIsRefused(@TempDir Path dir) throws IOException {
    String sops = "sops:\n  mac: ENC[AES256_GCM,data:AAAA,type:str]\n";
    Files.writeString(dir.resolve("two.yaml"), secret(sops) + "---\n" + secret(sops));
    assertEquals("secret `token`: file `two.yaml` holds 2 YAML documents, not one Secret", errors(program(dir, "two.yaml", "")));
    Files.writeString(dir.resolve("ns.yaml"), secret(sops).replace("  name: token\n", "  name: token\n  namespace: ../web\n"));
    assertTrue(errors(program(dir, "ns.yaml", "")).startsWith("secret `token`: file `ns.yaml`: `metadata.namespace: ../web` is not a namespace name"),
        errors(program(dir, "ns.yaml", "")));
  }

  @Test
  void aFileOfManyKeysGivesShortMessages(@TempDir Path dir) throws IOException {
    String keys = IntStream.range(0, 5000).mapToObj(i -> "  key-" + i + ": ENC[AES256_GCM,data:AAAA,type:str]\n").collect(Collectors.joining());
    Files.writeString(dir.resolve("many.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\ndata:\n" + keys
        + "sops:\n  mac: ENC[AES256_GCM,data:AAAA,type:str]\n");
    String wanted = IntStream.range(0, 2000).mapToObj(i -> "\"missing-" + i + "\"").collect(Collectors.joining(", "));
    Program program = program(dir, "many.yaml", "; keys [" + wanted + "]");
    List<Diagnostic> errors = program.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(2000, errors.size());
    assertEquals("it holds key-0, key-1, key-10, key-100, key-1000, key-1001, key-1002, key-1003, key-1004, key-1005 and 4990 more",
        errors.get(0).hint(), "a hint names ten keys, so 2,000 missing keys of 5,000 do not print ten million names");
  }
}
