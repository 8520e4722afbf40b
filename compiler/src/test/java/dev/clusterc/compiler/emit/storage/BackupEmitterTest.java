package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.emit.VolumeTestSupport.assertNames;
import static dev.clusterc.compiler.emit.VolumeTestSupport.emit;
import static dev.clusterc.compiler.emit.VolumeTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Backup policies carried out by Longhorn and Velero: what each policy's unit holds. */
class BackupEmitterTest {
  static final String LONGHORN_NFS = CheckFixture.FLUX_BASE + """
      use longhorn
      backup nas { schedule "0 2 * * *"; keep { daily: 7, weekly: 4 }; target "nfs://192.168.1.21:/mnt/hpool/backups"; via longhorn }
      volume data { size 5Gi; class "longhorn"; backup nas; namespace media }
      """;

  static final String LONGHORN_S3 = CheckFixture.BASE + """
      use longhorn
      secret minio { sops "secrets/minio.sops.yaml"; keys ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINTS"] }
      backup offsite { schedule "30 1 * * *"; keep { daily: 14 }; target "s3://longhorn@eu-central-1/homelab"; endpoint "https://minio.example.org"; credentials minio; via longhorn }
      volume data { size 5Gi; class "longhorn"; backup offsite; namespace media }
      """;

  static final String VELERO = CheckFixture.BASE + """
      use velero
      secret velero-s3 { sops "secrets/velero.sops.yaml"; keys ["cloud"] }
      backup cluster { schedule "0 4 * * *"; keep { daily: 7, weekly: 4 }; target "s3://velero/homelab"; endpoint "https://r2.example.com"; credentials velero-s3; via velero }
      volume media-data { size 5Gi; backup cluster; namespace media }
      volume wiki-data { size 1Gi; backup cluster; namespace wiki }
      """;

  @Test
  void aLonghornPolicyGetsOneRecurringJobPerKeptPeriodAndTheDefaultBackupTarget() {
    Unit unit = emit(LONGHORN_NFS, Kind.BACKUP, "nas");
    assertNames(unit, "RecurringJob/nas-daily", "RecurringJob/nas-weekly", "BackupTarget/default");
    Snippets.assertMatches("storage/BackupEmitterTest-longhorn-nfs", yaml(unit));
  }

  /** Longhorn has one BackupTarget: two policies sharing it compile, and it is in one unit only. */
  @Test
  void twoLonghornPoliciesShareOneBackupTarget() {
    List<KubeObject> objects = BackupTruth.compile(LONGHORN_NFS
        + "backup hourly { schedule \"0 * * * *\"; keep { hourly: 24 }; target \"nfs://192.168.1.21:/mnt/hpool/backups\"; via longhorn }\n"
        + "volume logs { size 1Gi; class \"longhorn\"; backup hourly; namespace media }\n");
    assertEquals(1, objects.stream().filter(o -> o.kind().equals("BackupTarget")).count());
    assertTrue(objects.stream().anyMatch(o -> o.kind().equals("RecurringJob") && o.name().equals("hourly-hourly")));
  }

  @Test
  void anS3TargetIsWrittenAsLonghornReadsItWithTheCredentialsSecret() {
    Unit unit = emit(LONGHORN_S3, Kind.BACKUP, "offsite");
    assertNames(unit, "RecurringJob/offsite-daily", "BackupTarget/default");
    Snippets.assertMatches("storage/BackupEmitterTest-longhorn-s3", yaml(unit, "BackupTarget"));
  }

  @Test
  void anS3TargetWithoutARegionGetsTheDefaultOne() {
    Unit unit = emit(LONGHORN_S3.replace("longhorn@eu-central-1", "longhorn"), Kind.BACKUP, "offsite");
    assertTrue(yaml(unit, "BackupTarget").contains("backupTargetURL: s3://longhorn@us-east-1/homelab/\n"), yaml(unit));
  }

  @Test
  void aPolicyThatKeepsNothingStillRunsAndKeepsLonghornsMinimum() {
    Unit unit = emit(LONGHORN_NFS.replace("keep { daily: 7, weekly: 4 }; ", ""), Kind.BACKUP, "nas");
    assertNames(unit, "RecurringJob/nas", "BackupTarget/default");
    assertTrue(yaml(unit, "RecurringJob").contains("  retain: 1\n"));
  }

  @Test
  void aWeekdaySchedulesLongerPeriodsRunOnItsFirstDayAndTime() {
    Unit unit = emit(LONGHORN_NFS.replace("\"0 2 * * *\"", "\"15 3,15 * * 1-5\"")
        .replace("{ daily: 7, weekly: 4 }", "{ weekly: 4, monthly: 6 }"), Kind.BACKUP, "nas");
    assertEquals("15 3,15 * * 1-5", unit.objects().get(0).map("spec").get("cron"));
    assertEquals("15 3 1 * *", unit.objects().get(1).map("spec").get("cron"));
  }

  @Test
  void theLonghornComponentsNamespaceIsWhereTheObjectsGo() {
    Unit unit = emit(LONGHORN_NFS.replace("use longhorn", """
        component block-storage {
          layer controllers
          namespace storage
          chart "https://charts.longhorn.io" name "longhorn" version "1.10.1"
          provides ["longhorn", "storage-class:longhorn"]
        }
        """), Kind.BACKUP, "nas");
    assertTrue(unit.objects().stream().allMatch(o -> "storage".equals(o.namespace())), yaml(unit));
  }

  @Test
  void aVeleroPolicyGetsItsStorageLocationAndAScheduleOfItsVolumesNamespaces() {
    Unit unit = emit(VELERO, Kind.BACKUP, "cluster");
    assertNames(unit, "BackupStorageLocation/cluster", "Schedule/cluster");
    Snippets.assertMatches("storage/BackupEmitterTest-velero", yaml(unit, "BackupStorageLocation") + "---\n" + yaml(unit, "Schedule"));
  }

  @Test
  void aVeleroPolicyNoVolumeNamesGetsNoSchedule() {
    Unit unit = emit(VELERO.replaceAll("(?m)^volume .*\\n", ""), Kind.BACKUP, "cluster");
    assertNames(unit, "BackupStorageLocation/cluster");
  }

  @Test
  void aResticPolicyEmitsNothingOfItsOwn() {
    Unit unit = emit(ResticBackupTest.R2, Kind.BACKUP, "nightly");
    assertNames(unit);
  }
}
