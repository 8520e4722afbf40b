package dev.clusterc.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic cluster of N apps for benchmarks: each app has a volume, a route through a
 * gateway, a backup (through its volume) and a database reference, spread over several files.
 */
public final class ClusterGenerator {
  private ClusterGenerator() {}

  public static void write(Path dir, int apps, int files) throws IOException {
    Files.createDirectories(dir.resolve("secrets"));
    Files.writeString(dir.resolve("secrets/token.sops.yaml"), fakeSops("token", "api-token"));
    Files.writeString(dir.resolve("secrets/creds.sops.yaml"),
        fakeSops("creds", "access-key-id", "secret-access-key", "restic-password"));
    Files.writeString(dir.resolve("cluster.cluster"), """
        cluster bench {
          domain  "bench.example"
          network { nodes 10.0.0.0/16; router 10.0.0.1 }
          gitops flux { repository "https://git.example/bench" }
        }

        node cp0 { role control-plane; address 10.0.0.2 }
        node cp1 { role control-plane; address 10.0.0.3 }
        node cp2 { role control-plane; address 10.0.0.4 }
        node w0  { role worker; address 10.0.1.1 }
        node w1  { role worker; address 10.0.1.2 }
        node w2  { role worker; address 10.0.1.3 }

        use cilium
        use cert-manager
        use volsync
        use cloudnative-pg

        pool lb { range 10.0.200.0..10.0.200.255; via cilium }

        secret token { sops "secrets/token.sops.yaml"; keys ["api-token"] }
        secret creds { sops "secrets/creds.sops.yaml"; keys ["access-key-id", "secret-access-key", "restic-password"] }

        issuer le { email "ops@bench.example"; solver dns01 cloudflare token token }
        certificate wild { hosts ["*.bench.example"]; issuer le }

        gateway web {
          address  10.0.200.10
          class    cilium
          listener https { hostname "*.bench.example"; certificate wild }
        }

        backup nightly {
          schedule    "0 3 * * *"
          keep        { daily: 7, weekly: 4 }
          target      "s3://backups/bench"
          credentials creds
        }
        """);
    StringBuilder[] parts = new StringBuilder[files];
    for (int i = 0; i < files; i++) {
      parts[i] = new StringBuilder();
    }
    for (int i = 0; i < apps; i++) {
      parts[i % files].append(app(i));
    }
    for (int i = 0; i < files; i++) {
      Files.writeString(dir.resolve(String.format("apps-%03d.cluster", i)), parts[i]);
    }
  }

  /**
   * Writes a cluster of N plain apps that {@code clusterc apply} can bring to any cluster: no
   * {@code gitops}, no component (so no chart), no secret; each app is a Namespace, a Deployment of
   * one replica and a Service. Names carry the size ({@code s1000-app7}, cluster {@code bench-1000}),
   * so clusters of several sizes can be applied to one cluster side by side.
   */
  public static void writeAppliable(Path dir, int apps, int files) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("cluster.cluster"), """
        cluster bench-%1$d {
          domain  "bench.example"
          network { nodes 10.0.0.0/16 }
        }

        node cp0 { role control-plane; address 10.0.0.2 }
        """.formatted(apps));
    StringBuilder[] parts = new StringBuilder[files];
    for (int i = 0; i < files; i++) {
      parts[i] = new StringBuilder();
    }
    for (int i = 0; i < apps; i++) {
      parts[i % files].append("app s%1$d-app%2$d { image \"ghcr.io/bench/app:1.%2$d\"; port http 8080 }\n"
          .formatted(apps, i));
    }
    for (int i = 0; i < files; i++) {
      Files.writeString(dir.resolve(String.format("apps-%03d.cluster", i)), parts[i]);
    }
  }

  /**
   * A Secret shaped like a SOPS-encrypted one (names of keys in clear), with placeholder values and
   * the SOPS metadata ({@code mac}) that the check requires of a {@code sops} file.
   */
  private static String fakeSops(String name, String... keys) {
    StringBuilder out = new StringBuilder("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ").append(name)
        .append("\nstringData:\n");
    for (String key : keys) {
      out.append("  ").append(key).append(": ENC[AES256_GCM,data:AAAA,iv:AAAA,tag:AAAA,type:str]\n");
    }
    return out.append("sops:\n  mac: ENC[AES256_GCM,data:AAAA,iv:AAAA,tag:AAAA,type:str]\n  version: 3.10.2\n").toString();
  }

  /** The text of app {@code i}, also used to rewrite one file in the incremental benchmark. */
  static String app(int i) {
    return """
        database db%1$d { size 1Gi; backup nightly; namespace app%1$d }
        volume data%1$d { size 1Gi; backup nightly }
        app app%1$d {
          image    "ghcr.io/bench/app:1.%1$d"
          port     http 8080
          route    "app%1$d.bench.example" via web
          mount    data%1$d at "/data"
          database db%1$d
        }

        """.formatted(i);
  }
}
