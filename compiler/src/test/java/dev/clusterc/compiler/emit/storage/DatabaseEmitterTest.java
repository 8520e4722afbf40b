package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.emit.VolumeTestSupport.assertNames;
import static dev.clusterc.compiler.emit.VolumeTestSupport.emit;
import static dev.clusterc.compiler.emit.VolumeTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.schema.Kind;
import org.junit.jupiter.api.Test;

/** CloudNativePG Clusters and ScheduledBackups of databases. */
class DatabaseEmitterTest {
  /** Three workers; the database is on line 12. */
  static final String HOMELAB = """
      cluster test {
        domain "example.org"
        network { nodes 10.0.0.0/24; router 10.0.0.1 }
      }
      node cp { role control-plane; address 10.0.0.2 }
      node w1 { role worker; address 10.0.0.11 }
      node w2 { role worker; address 10.0.0.12 }
      node w3 { role worker; address 10.0.0.13 }
      use cloudnative-pg
      secret r2-credentials { sops "secrets/r2.sops.yaml"; keys ["access-key-id", "secret-access-key"] }
      backup nightly { schedule "0 3 * * *"; keep { daily: 7, weekly: 4 }; target "s3://backups/homelab"; endpoint "https://r2.example.com"; credentials r2-credentials }
      database postgres { engine postgres; version 17; instances 3; size 100Gi; backup nightly }
      """;

  @Test
  void threeInstancesOnThreeNodesArchivingToS3WithANightlyBaseBackup() {
    Unit unit = emit(HOMELAB, Kind.DATABASE, "postgres");
    assertNames(unit, "Cluster/postgres", "ScheduledBackup/postgres");
    Snippets.assertMatches("storage/DatabaseEmitterTest-three-instances-s3-nightly", yaml(unit));
  }

  @Test
  void backupNoneIsAClusterWithoutBackupArchivingOrSchedule() {
    Unit unit = emit(HOMELAB.replace("database postgres { engine postgres; version 17; instances 3; size 100Gi; backup nightly }",
        "database cache { version 16; size 5Gi; class \"local-path\"; backup none; namespace apps }"), Kind.DATABASE, "cache");
    assertNames(unit, "Cluster/cache");
    Snippets.assertMatches("storage/DatabaseEmitterTest-backup-none", yaml(unit));
  }

  @Test
  void azureCredentialsAreTheStorageAccountAndItsSasTokenAndThePathIsTheContainersUrl() {
    Unit unit = emit(HOMELAB
        .replace("secret r2-credentials { sops \"secrets/r2.sops.yaml\"; keys [\"access-key-id\", \"secret-access-key\"] }",
            "secret azure-backup { sops \"a.yaml\"; keys [\"AZURE_STORAGE_ACCOUNT\", \"AZURE_STORAGE_SAS_TOKEN\"] }")
        .replace("keep { daily: 7, weekly: 4 }; target \"s3://backups/homelab\"; endpoint \"https://r2.example.com\"; credentials r2-credentials",
            "keep { daily: 7 }; target \"azure://homelabbackups.blob.core.windows.net/linkding-db-clean\"; credentials azure-backup")
        .replace("instances 3; size 100Gi; backup nightly", "size 15Gi; backup nightly; wal-archive 1h"), Kind.DATABASE, "postgres");
    Snippets.assertMatches("storage/DatabaseEmitterTest-azure-sas-token", yaml(unit, "Cluster"));
  }

  @Test
  void googleCredentialsAreTheServiceAccountFile() {
    Unit unit = emit(HOMELAB
        .replace("keys [\"access-key-id\", \"secret-access-key\"]", "keys [\"gcsCredentials\"]")
        .replace("target \"s3://backups/homelab\"; endpoint \"https://r2.example.com\";", "target \"gs://pg-backups/homelab\";"),
        Kind.DATABASE, "postgres");
    String cluster = yaml(unit, "Cluster");
    Snippets.assertMatches("storage/DatabaseEmitterTest-google-service-account", cluster);
    assertFalse(cluster.contains("endpointURL"), cluster);
  }

  @Test
  void theRetentionWindowIsTheLongestKeepPeriod() {
    for (String[] c : new String[][] {{"{ daily: 7 }", "7d"}, {"{ hourly: 48 }", "2d"}, {"{ hourly: 30, daily: 1 }", "2d"},
        {"{ daily: 7, weekly: 4, monthly: 6 }", "6m"}, {"{ weekly: 1, daily: 10 }", "10d"}}) {
      Unit unit = emit(HOMELAB.replace("{ daily: 7, weekly: 4 }", c[0]).replace("\"0 3 * * *\"", "\"0 * * * *\""),
          Kind.DATABASE, "postgres");
      assertTrue(yaml(unit, "Cluster").contains("    retentionPolicy: " + c[1] + "\n"), c[0]);
    }
    Unit none = emit(HOMELAB.replace("{ daily: 7, weekly: 4 }", "{ daily: 0 }"), Kind.DATABASE, "postgres");
    assertFalse(yaml(none, "Cluster").contains("retentionPolicy"));
  }

  @Test
  void theArchiveTimeoutIsWrittenInItsLargestExactUnit() {
    for (String[] c : new String[][] {{"90s", "90s"}, {"10m", "10min"}, {"2h", "2h"}, {"1d", "1d"}, {"1h30m", "90min"}}) {
      Unit unit = emit(HOMELAB.replace("backup nightly }", "backup nightly; wal-archive " + c[0] + " }"), Kind.DATABASE, "postgres");
      assertTrue(yaml(unit, "Cluster").contains("      archive_timeout: " + c[1] + "\n"), c[0]);
    }
  }

  @Test
  void theBaseBackupScheduleGetsTheLeadingSecondsFieldCloudNativePgReads() {
    Unit unit = emit(HOMELAB.replace("\"0 3 * * *\"", "\"15 1 * * SUN\""), Kind.DATABASE, "postgres");
    assertTrue(yaml(unit, "ScheduledBackup").contains("  schedule: 0 15 1 * * 0\n"), yaml(unit, "ScheduledBackup"));
  }

  @Test
  void theSameDatabaseGivesTheSameBytes() {
    assertEquals(yaml(emit(HOMELAB, Kind.DATABASE, "postgres")), yaml(emit(HOMELAB, Kind.DATABASE, "postgres")));
  }
}
