package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} says what {@code compile} will say: for clusters whose secret or {@code manifests}
 * files are bad, both print the same diagnostics and exit 1, and {@code compile} writes nothing.
 * A CI that runs only {@code check} catches them.
 */
class CheckMatchesCompileTest {
  private static final String SECRET = "secret token { sops \"token.sops.yaml\"; keys [\"api-token\"] }\n"
      + "app web { image \"nginx:1.27\"; secret-env token }\n";
  private static final String MANIFESTS = "app web {\n  image \"nginx:1.27\"\n  manifests \"extra.yaml\"\n}\n";
  private static final String SOPS_METADATA = "sops:\n  mac: ENC[AES256_GCM,data:AAAA,type:str]\n  version: 3.10.2\n";

  @TempDir
  Path dir;

  private static Map<String, Object> bad() {
    StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  a0: &a0 [lol, lol, lol]\n");
    for (int i = 1; i < 30; i++) {
      bomb.append("  a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    return Map.of(
        "plaintext sops file", new String[] {SECRET, "token.sops.yaml",
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\nstringData:\n  api-token: hunter2\n"},
        "missing sops file", new String[] {SECRET},
        "sops file of another namespace", new String[] {SECRET, "token.sops.yaml",
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n  namespace: other\nstringData:\n  api-token: ENC[x]\n" + SOPS_METADATA},
        "object name escaping the output", new String[] {MANIFESTS, "extra.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ../../../../outside\n"},
        "two objects of one identity", new String[] {MANIFESTS, "extra.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"},
        "binary manifests", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0},
        "alias bomb", new String[] {MANIFESTS, "extra.yaml", bomb.toString()},
        "object made twice beside a warning", new String[] {"use volsync\n"
            + "node pi1 { role worker; address 192.168.1.11 }\nnode pi2 { role worker; address 192.168.1.12 }\n"
            + "volume x { size 1Gi; local pi1 at \"/data/x\"; replicate to pi2 via syncthing; backup none; namespace media }\n"
            + "volume x-backup { size 1Gi; backup none; namespace media }\napp unpinned { image \"nginx\" }\n"},
        "not yaml", new String[] {MANIFESTS, "extra.yaml", "apiVersion: v1\nkind: [ConfigMap\n"});
  }

  /** Sources.CLEAN deployed by Flux: its charts stay HelmReleases, so compile needs no chart repository. */
  private static final String FLUX_CLEAN = Sources.CLEAN.replace("network { nodes 192.168.1.0/24; router 192.168.1.1 }\n",
      "network { nodes 192.168.1.0/24; router 192.168.1.1 }\n  gitops flux { repository \"https://git.example/pi\" }\n");

  @TestFactory
  Stream<DynamicTest> checkAndCompileReportTheSame() {
    return bad().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      Path cluster = Files.createDirectories(dir.resolve(e.getKey().replace(' ', '-')));
      if (e.getValue() instanceof byte[] bytes) {
        Sources.write(cluster.resolve("main.cluster"), FLUX_CLEAN + MANIFESTS);
        Files.write(cluster.resolve("extra.yaml"), bytes);
      } else {
        String[] parts = (String[]) e.getValue();
        Sources.write(cluster.resolve("main.cluster"), FLUX_CLEAN + parts[0]);
        if (parts.length > 1) {
          Files.writeString(cluster.resolve(parts[1]), parts[2], StandardCharsets.UTF_8);
        }
      }
      Cli.Result check = Cli.run("check", "--color", "never", cluster.toString()).assertNoStackTrace();
      Cli.Result compile = Cli.run("compile", "--color", "never", "-o", "-", cluster.toString()).assertNoStackTrace();
      assertEquals(1, check.exit(), check::toString);
      assertTrue(check.out().contains("error["), check::toString);
      assertTrue(check.err().lines().count() == 1, "one summary line: " + check);
      assertEquals(check.out() + check.err(), compile.err(), "compile says what check said");
      assertEquals(1, compile.exit(), compile::toString);
      assertEquals("", compile.out(), "nothing is compiled");
    }));
  }
}
