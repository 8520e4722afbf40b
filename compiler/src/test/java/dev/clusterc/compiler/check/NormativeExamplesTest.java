package dev.clusterc.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The brief's two normative examples check without errors (the homelab warns once), and the failover pair with {@code replicas 2} is {@code rwo-shared}. */
class NormativeExamplesTest {
  /** The brief's first example: seed 001 with three control planes, copied from LANGUAGE.md. */
  static final String HOMELAB = """
      # Talos homelab: 3 control planes, 3 workers, Cilium, Flux.
      cluster homelab {
        domain "tosih.org"
        network {
          nodes    10.0.0.0/16
          router   10.0.0.1
          pods     10.42.0.0/16
          services 10.43.0.0/16
        }
        gitops flux {
          repository "https://github.com/tosih/home-ops"
          path       "kubernetes"
          interval   1h
        }
      }

      node control0 { role control-plane; address 10.0.50.1 }
      node control1 { role control-plane; address 10.0.50.2 }
      node control2 { role control-plane; address 10.0.50.3 }
      node worker0  { role worker; address 10.0.50.10; labels { storage: "ssd" } }
      node worker1  { role worker; address 10.0.50.11; labels { storage: "ssd" } }
      node worker2  { role worker; address 10.0.50.12 }

      use cilium
      use cert-manager
      use k8s-gateway
      use volsync
      use cloudnative-pg

      vip api {
        address 10.0.50.50
        on      control-plane
        via     kube-vip
      }

      pool lb {
        range    10.0.50.100..10.0.50.199
        announce l2
        via      cilium
      }

      secret cloudflare-token { sops "secrets/cloudflare.sops.yaml"; keys ["api-token"] }
      secret r2-credentials   { sops "secrets/r2.sops.yaml"; keys ["access-key-id", "secret-access-key", "restic-password"] }

      issuer letsencrypt {
        email  "admin@tosih.org"
        server production
        solver dns01 cloudflare token cloudflare-token
      }

      certificate wildcard {
        hosts  ["tosih.org", "*.tosih.org"]
        issuer letsencrypt
      }

      gateway internal {
        address  10.0.50.101
        class    cilium
        listener https { hostname "*.tosih.org"; certificate wildcard }
      }

      gateway external {
        address  10.0.50.102
        class    cilium
        expose   public
        listener https { hostname "*.tosih.org"; certificate wildcard }
      }

      dns split {
        address 10.0.50.100
        via     k8s-gateway
      }

      backup nightly {
        schedule    "0 3 * * *"
        keep        { daily: 7, weekly: 4 }
        target      "s3://backups/homelab"
        endpoint    "https://r2.example.com"
        credentials r2-credentials
      }

      database postgres {
        engine    postgres
        version   17
        instances 3
        size      100Gi
        backup    nightly
      }

      template media-app(port: int) for app {
        namespace media
        image     "ghcr.io/home-operations/${name}:rolling"
        port      http $port
        route     "${name}.${cluster.domain}" via internal
        env       { TZ: "Europe/Amsterdam" }
      }

      volume sonarr-config { size 5Gi; backup nightly }
      volume radarr-config { size 5Gi; backup nightly }

      app sonarr from media-app(port: 8989) {
        image "ghcr.io/home-operations/sonarr:4.0.15"
        mount sonarr-config at "/config"
        database postgres as SONARR__POSTGRES
      }

      app radarr from media-app(port: 7878) {
        image "ghcr.io/home-operations/radarr:5.26.2"
        mount radarr-config at "/config"
      }
      """;

  /** The brief's second example: seed 000's two-node failover pair, copied from LANGUAGE.md. */
  static final String FAILOVER_PAIR = """
      cluster failover-pair {
        domain "lab.internal"
        network { nodes 192.168.10.0/24 }
        layers [crds, controllers, storage, operations, apps]
      }

      node k3s-cp { role control-plane; address 192.168.10.5 }
      node k3s-w1 { role worker; address 192.168.10.11 }
      node k3s-w2 { role worker; address 192.168.10.12 }

      use volsync

      volume sonarr-data {
        size      10Gi
        local     k3s-w1 at "/data/pods/sonarr"
        replicate to k3s-w2 via syncthing
        backup    none
      }

      app sonarr {
        image "lscr.io/linuxserver/sonarr:4.0.15"
        port  http 8989
        mount sonarr-data at "/config"
      }
      """;

  static final List<Checker> CHECKERS = List.of(new HostnameChecker(), new RouteChecker(), new PortChecker(),
      new PublicPlaintextChecker(), new VolumeSharingChecker(), new LocalVolumeChecker(), new BackupCoverageChecker(),
      new RetentionChecker(), new SecretValueChecker(), new ImageChecker());

  /**
   * The homelab checks without errors. Its one warning is true of the text as written: sonarr runs in
   * {@code media} and reads postgres, which lives in {@code databases}, and nothing copies the
   * credentials across.
   */
  @Test
  void homelabChecksWithoutErrors() {
    assertEquals("", CheckFixture.render(CheckFixture.programWithSecretFiles(
        HOMELAB.replace("use cloudnative-pg\n", "use cloudnative-pg\nuse external-secrets\n")).diagnostics()));
    assertEquals("104:3: warning[cross-namespace-database]: app sonarr runs in namespace media, but database postgres is in "
        + "databases, the only namespace where CloudNativePG writes its credentials (postgres-app)",
        CheckerHarness.run(new DatabaseNamespaceChecker(), HOMELAB));
    for (Checker checker : CHECKERS) {
      assertEquals("", CheckerHarness.run(checker, HOMELAB), checker.getClass().getSimpleName());
    }
  }

  @Test
  void failoverPairChecksClean() {
    assertEquals("", CheckFixture.check(FAILOVER_PAIR));
    for (Checker checker : CHECKERS) {
      assertEquals("", CheckerHarness.run(checker, FAILOVER_PAIR), checker.getClass().getSimpleName());
    }
  }

  @Test
  void failoverPairWithTwoReplicasIsRwoShared() {
    String twoReplicas = FAILOVER_PAIR.replace(
        "  image \"lscr.io/linuxserver/sonarr:4.0.15\"\n",
        "  image \"lscr.io/linuxserver/sonarr:4.0.15\"\n  replicas 2\n");
    StringBuilder found = new StringBuilder();
    for (Checker checker : CHECKERS) {
      found.append(CheckerHarness.run(checker, twoReplicas));
    }
    assertEquals("24:9: error[rwo-shared]: volume sonarr-data is rwo but mounted by sonarr with 2 replicas", found.toString());
    assertEquals("""
        24:9: error[rwo-shared]: volume sonarr-data is rwo but mounted by sonarr with 2 replicas
          hint: a local volume lives on one node: run `replicas 1`
          note 22:12: app sonarr asks for 2 replicas here""", CheckerHarness.detailed(new VolumeSharingChecker(), twoReplicas));
  }
}
