package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.emit.VolumeTestSupport.assertNames;
import static dev.clusterc.compiler.emit.VolumeTestSupport.emit;
import static dev.clusterc.compiler.emit.VolumeTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.emit.VolumeTestSupport;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.schema.Kind;
import org.junit.jupiter.api.Test;

/** Restic backups of volumes through VolSync: the repository Secret template, the source, restores. */
class ResticBackupTest {
  /** Lines 8 to 11 of {@code test.cluster}; the volume is on line 11. */
  static final String R2 = CheckFixture.BASE + """
      use volsync
      secret r2-credentials { sops "secrets/r2.sops.yaml"; keys ["access-key-id", "secret-access-key", "restic-password"] }
      backup nightly { schedule "0 3 * * *"; keep { daily: 7, weekly: 4 }; target "s3://backups/homelab"; endpoint "https://r2.example.com"; credentials r2-credentials }
      volume sonarr-config { size 5Gi; backup nightly; namespace media }
      """;

  @Test
  void aResticBackedVolumeKeepsWhatThePolicyKeepsOnItsSchedule() {
    Unit unit = emit(R2, Kind.VOLUME, "sonarr-config");
    assertNames(unit, "PersistentVolumeClaim/sonarr-config", "Secret/sonarr-config-restic-repository",
        "ReplicationSource/sonarr-config-restic");
    Snippets.assertMatches("storage/ResticBackupTest-restic-source", yaml(unit, "ReplicationSource"));
  }

  @Test
  void theRepositorySecretHoldsTheRepositoryAndNamesTheSecretKeysItStillNeeds() {
    Unit unit = emit(R2, Kind.VOLUME, "sonarr-config");
    Snippets.assertMatches("storage/ResticBackupTest-repository-secret", yaml(unit, "Secret"));
  }

  @Test
  void credentialsThatListNoKeysAreReadByTheirResticNames() {
    Unit unit = emit(R2.replace("; keys [\"access-key-id\", \"secret-access-key\", \"restic-password\"]", ""),
        Kind.VOLUME, "sonarr-config");
    assertEquals("RESTIC_PASSWORD=r2-credentials/RESTIC_PASSWORD,AWS_ACCESS_KEY_ID=r2-credentials/AWS_ACCESS_KEY_ID,"
            + "AWS_SECRET_ACCESS_KEY=r2-credentials/AWS_SECRET_ACCESS_KEY",
        VolumeTestSupport.only(unit, "Secret").annotations().get(ResticRepository.SECRET_KEYS_ANNOTATION));
  }

  @Test
  void externalCredentialsMakeTheRepositorySecretWholeThroughAnExternalSecret() {
    Unit unit = emit(CheckFixture.BASE + """
        use volsync
        use external-secrets
        store vault { via vault; config { server: "https://vault.example.org", path: "kv", version: "v2" } }
        secret r2-credentials { external vault key "backups/r2"; keys ["access-key-id", "secret-access-key", "restic-password"] }
        backup nightly { schedule "0 3 * * *"; keep { daily: 7 }; target "s3://backups/homelab"; endpoint "https://r2.example.com"; credentials r2-credentials }
        volume sonarr-config { size 5Gi; backup nightly; namespace media }
        """, Kind.VOLUME, "sonarr-config");
    assertNames(unit, "PersistentVolumeClaim/sonarr-config", "ExternalSecret/sonarr-config-restic-repository",
        "ReplicationSource/sonarr-config-restic");
    Snippets.assertMatches("storage/ResticBackupTest-repository-external-secret", yaml(unit, "ExternalSecret"));
  }

  @Test
  void withoutAnEndpointTheRepositoryIsOnAws() {
    Unit unit = emit(R2.replace("endpoint \"https://r2.example.com\"; ", ""), Kind.VOLUME, "sonarr-config");
    assertTrue(yaml(unit, "Secret").contains("RESTIC_REPOSITORY: s3:s3.amazonaws.com/backups/homelab/sonarr-config\n"));
  }

  @Test
  void theScheduleGoesToVolSyncInNumbersAndEveryKeepPeriodIsRetained() {
    Unit unit = emit(R2.replace("\"0 3 * * *\"", "\"30 2 * * MON-FRI\"")
        .replace("{ daily: 7, weekly: 4 }", "{ monthly: 6, weekly: 4, daily: 7, hourly: 0 }"), Kind.VOLUME, "sonarr-config");
    Snippets.assertMatches("storage/ResticBackupTest-schedule-in-numbers-and-every-period", yaml(unit, "ReplicationSource"));
  }

  @Test
  void withTheSnapshotControllerAProvisionedVolumeIsCopiedFromASnapshot() {
    Unit unit = emit(R2.replace("use volsync", "use volsync\nuse snapshot-controller"), Kind.VOLUME, "sonarr-config");
    assertTrue(yaml(unit, "ReplicationSource").contains("    copyMethod: Snapshot\n"));
  }

  @Test
  void restoreTruePopulatesTheClaimFromASnapshotOfTheLatestBackup() {
    String text = R2.replace("use volsync", "use volsync\nuse snapshot-controller")
        .replace("backup nightly; namespace media }", "backup nightly; namespace media; class \"longhorn\"; restore true }")
        .replace("use snapshot-controller", "use snapshot-controller\nuse longhorn");
    Unit unit = emit(text, Kind.VOLUME, "sonarr-config");
    assertNames(unit, "PersistentVolumeClaim/sonarr-config", "Secret/sonarr-config-restic-repository",
        "ReplicationSource/sonarr-config-restic", "ReplicationDestination/sonarr-config-restore");
    Snippets.assertMatches("storage/ResticBackupTest-restore-populates-from-snapshot",
        yaml(unit, "PersistentVolumeClaim") + "---\n" + yaml(unit, "ReplicationDestination"));
  }

  @Test
  void restoreTrueOnALocalVolumeFillsTheBoundClaimInPlace() {
    Unit unit = emit(R2.replace("backup nightly; namespace media }",
        "backup nightly; namespace media; local w1 at \"/srv/sonarr\"; restore true }"), Kind.VOLUME, "sonarr-config");
    assertNames(unit, "PersistentVolume/pv-sonarr-config-primary", "PersistentVolumeClaim/sonarr-config",
        "Secret/sonarr-config-restic-repository", "ReplicationSource/sonarr-config-restic",
        "ReplicationDestination/sonarr-config-restore");
    assertFalse(yaml(unit, "PersistentVolumeClaim").contains("dataSourceRef"));
    Snippets.assertMatches("storage/ResticBackupTest-restore-local-in-place", yaml(unit, "ReplicationDestination"));
  }

  @Test
  void anAzureRepositoryNamesItsAccountAndTakesTheSasTokenFromTheCredentials() {
    Unit unit = emit(CheckFixture.BASE + """
        use volsync
        secret azure-backup { sops "a.yaml"; keys ["AZURE_STORAGE_ACCOUNT", "AZURE_STORAGE_SAS_TOKEN", "RESTIC_PASSWORD"] }
        backup blob { schedule "0 1 * * *"; keep { daily: 7 }; target "azure://homelabbackups.blob.core.windows.net/volumes/home"; credentials azure-backup }
        volume notes { size 1Gi; backup blob }
        """, Kind.VOLUME, "notes");
    Snippets.assertMatches("storage/ResticBackupTest-azure-repository-secret", yaml(unit, "Secret"));
  }

  @Test
  void aGoogleRepositoryTakesTheServiceAccountFileFromTheCredentials() {
    Unit unit = emit(CheckFixture.BASE + """
        use volsync
        secret gcs { sops "g.yaml"; keys ["restic-password", "service-account.json"] }
        backup cloud { schedule "0 1 * * *"; keep { daily: 7 }; target "gs://my-bucket"; credentials gcs }
        volume notes { size 1Gi; backup cloud }
        """, Kind.VOLUME, "notes");
    String secret = yaml(unit, "Secret");
    assertTrue(secret.contains("clusterc.dev/secret-keys: \"RESTIC_PASSWORD=gcs/restic-password,"
        + "GOOGLE_APPLICATION_CREDENTIALS=gcs/service-account.json\"\n"), secret);
    assertTrue(secret.contains("  RESTIC_REPOSITORY: gs:my-bucket:/notes\n"), secret);
  }

  @Test
  void anNfsRepositoryIsADirectoryOfTheExportMountedInTheMover() {
    Unit unit = emit(CheckFixture.BASE + """
        use volsync
        secret nas-restic { sops "n.yaml"; keys ["RESTIC_PASSWORD"] }
        backup nas { schedule "0 2 * * *"; keep { daily: 7 }; target "nfs://192.168.1.21:/mnt/hpool/backups"; credentials nas-restic }
        volume notes { size 1Gi; backup nas; restore true }
        """, Kind.VOLUME, "notes");
    assertNames(unit, "PersistentVolumeClaim/notes", "Secret/notes-restic-repository", "PersistentVolume/pv-notes-restic-nfs",
        "PersistentVolumeClaim/notes-restic-nfs", "ReplicationSource/notes-restic", "ReplicationDestination/notes-restore");
    Snippets.assertMatches("storage/ResticBackupTest-nfs-share", yaml(unit, "PersistentVolume") + "---\n"
        + yaml(unit, "PersistentVolumeClaim").split("---\n")[1]);
    String secret = yaml(unit, "Secret");
    assertTrue(secret.contains("clusterc.dev/secret-keys: RESTIC_PASSWORD=nas-restic/RESTIC_PASSWORD\n"), secret);
    assertTrue(secret.contains("  RESTIC_REPOSITORY: /mnt/restic-nfs/notes\n"), secret);
    String mover = "    moverVolumes:\n"
        + "      - mountPath: restic-nfs\n"
        + "        volumeSource:\n"
        + "          persistentVolumeClaim:\n"
        + "            claimName: notes-restic-nfs\n";
    assertTrue(yaml(unit, "ReplicationSource").contains(mover), yaml(unit, "ReplicationSource"));
    assertTrue(yaml(unit, "ReplicationDestination").contains(mover), yaml(unit, "ReplicationDestination"));
  }

  @Test
  void aVolumeBackedUpByVeleroGetsNoVolSyncObjects() {
    Unit unit = emit(CheckFixture.BASE + """
        use velero
        secret s3 { sops "s.yaml"; keys ["cloud"] }
        backup cluster-wide { schedule "0 1 * * *"; keep { daily: 7 }; target "s3://velero"; credentials s3; via velero }
        volume notes { size 1Gi; backup cluster-wide }
        """, Kind.VOLUME, "notes");
    assertNames(unit, "PersistentVolumeClaim/notes");
  }
}
