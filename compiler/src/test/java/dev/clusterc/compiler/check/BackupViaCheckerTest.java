package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code backup-via}: what Longhorn and Velero would refuse, or silently not back up. */
class BackupViaCheckerTest {
  private static final Checker CHECKER = CheckerHarness.together(new LonghornBackupChecker(), new VeleroBackupChecker());

  /** The policy on line 9, the volume on line 10. */
  private static String longhorn(String policy, String volume) {
    return BASE + "use longhorn\nbackup nas { schedule \"0 2 * * *\"; keep { daily: 7 }; " + policy + "via longhorn }\n"
        + "volume data { size 5Gi; backup nas; " + volume + "}\n";
  }

  @Test
  void aLonghornVolumeOfALonghornPolicyIsFine() {
    assertEquals("", CheckerHarness.run(CHECKER, longhorn("target \"nfs://nas:/backups\"; ", "class \"longhorn\"; ")));
  }

  @Test
  void aVolumeOfAnotherClassIsNeverBackedUp() {
    assertEquals("""
        10:37: error[backup-via]: volume data has class `local-path`, not a Longhorn class, so Longhorn never backs it up (backup nas is via longhorn)
          hint: use `class "longhorn"` (or a class the Longhorn component provides as `storage-class:CLASS`), or back it up with a restic policy
          note 10:25: the backup is named here""",
        CheckerHarness.detailed(CHECKER, longhorn("target \"nfs://nas:/backups\"; ", "class \"local-path\"; ")));
  }

  @Test
  void aClassTheLonghornComponentProvidesIsALonghornClass() {
    String text = longhorn("target \"nfs://nas:/backups\"; ", "class \"fast\"; ").replace("use longhorn\n", """
        component block {
          layer controllers
          namespace longhorn-system
          chart "https://charts.longhorn.io" name "longhorn" version "1.10.1"
          provides ["longhorn", "storage-class:longhorn", "storage-class:fast"]
        }
        """);
    assertEquals("", CheckerHarness.run(CHECKER, text));
  }

  @Test
  void aVolumeWithoutAClassAndALocalVolumeAreNotLonghorns() {
    assertEquals("10:25: error[backup-via]: volume data has no `class`, so it may not be a Longhorn volume, and backup nas is via longhorn",
        CheckerHarness.run(CHECKER, longhorn("target \"nfs://nas:/backups\"; ", "")));
    assertEquals("10:25: error[backup-via]: volume data is a directory on one node, which Longhorn cannot back up (backup nas is via longhorn)",
        CheckerHarness.run(CHECKER, longhorn("target \"nfs://nas:/backups\"; ", "local w1 at \"/srv/data\"; ")));
  }

  @Test
  void longhornCannotWriteToGcs() {
    String text = BASE + "use longhorn\nsecret gcs { sops \"g.yaml\"; keys [\"key.json\"] }\n"
        + "backup nas { schedule \"0 2 * * *\"; keep { daily: 7 }; target \"gs://bucket/x\"; credentials gcs; via longhorn }\n"
        + "volume data { size 5Gi; backup nas; class \"longhorn\" }\n";
    assertEquals("10:62: error[backup-via]: Longhorn cannot back up to `gs://bucket/x` (backup nas is via longhorn)",
        CheckerHarness.run(CHECKER, text));
  }

  @Test
  void s3CredentialsMustHaveTheKeyNamesLonghornReads() {
    String text = BASE + "use longhorn\nsecret s3 { sops \"s3.yaml\"; keys [\"access-key-id\", \"secret-access-key\"] }\n"
        + "backup nas { schedule \"0 2 * * *\"; keep { daily: 7 }; target \"s3://b/p\"; endpoint \"https://minio.lan\"; credentials s3; via longhorn }\n"
        + "volume data { size 5Gi; backup nas; class \"longhorn\" }\n";
    assertEquals("""
        10:104: error[backup-via]: Longhorn reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_ENDPOINTS from secret s3, which declares access-key-id, secret-access-key (backup nas is via longhorn)
          hint: give the secret the keys Longhorn reads: `keys ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINTS"]`, with the endpoint in AWS_ENDPOINTS""",
        CheckerHarness.detailed(CHECKER, text));
    assertEquals("", CheckerHarness.run(CHECKER, text.replace("[\"access-key-id\", \"secret-access-key\"]",
        "[\"AWS_ACCESS_KEY_ID\", \"AWS_SECRET_ACCESS_KEY\", \"AWS_ENDPOINTS\"]")));
  }

  @Test
  void twoLonghornPoliciesMustShareOneTarget() {
    String text = longhorn("target \"nfs://nas:/backups\"; ", "class \"longhorn\"; ")
        + "backup other { schedule \"0 3 * * *\"; keep { daily: 7 }; target \"nfs://nas2:/backups\"; via longhorn }\n"
        + "volume more { size 5Gi; backup other; class \"longhorn\" }\n";
    assertEquals("11:64: error[backup-via]: backup other backs up to `nfs://nas2:/backups`, but Longhorn backs every volume up to one target, `nfs://nas:/backups`",
        CheckerHarness.run(CHECKER, text));
  }

  @Test
  void moreThanAHundredCopiesAndTooLongANameAreRefused() {
    assertEquals("9:50: error[backup-via]: backup nas keeps 120 daily copies; Longhorn keeps at most 100 backups per job",
        CheckerHarness.run(CHECKER, longhorn("target \"nfs://nas:/backups\"; ", "class \"longhorn\"; ").replace("daily: 7", "daily: 120")));
    String name = "a-very-long-policy-name-of-thirty-five";
    assertEquals("9:8: error[backup-via]: Longhorn cannot name the recurring jobs of backup " + name + ": `" + name
            + "-monthly` must have at most 40 characters, and a group name at least 2",
        CheckerHarness.run(CHECKER, longhorn("target \"nfs://nas:/backups\"; ", "class \"longhorn\"; ").replace("nas", name)
            .replace("nfs://" + name, "nfs://nas")));
  }

  /** The velero policy on line 10 (its target at column 66), its volume on line 11. */
  private static String velero(String keys, String target) {
    return BASE + "use velero\nsecret s3 { sops \"s3.yaml\"; keys [" + keys + "] }\n"
        + "backup cluster { schedule \"0 2 * * *\"; keep { daily: 7 }; target \"" + target + "\"; credentials s3; via velero }\n"
        + "volume data { size 5Gi; backup cluster }\n";
  }

  @Test
  void veleroReadsACredentialsFile() {
    assertEquals("", CheckerHarness.run(CHECKER, velero("\"cloud\"", "s3://velero/homelab")));
    assertEquals("", CheckerHarness.run(CHECKER, velero("\"aws-credentials\"", "s3://velero/homelab")));
    assertEquals("""
        10:89: error[backup-via]: Velero reads its credentials as one file from one key of secret s3, which declares access-key-id, secret-access-key (backup cluster is via velero)
          hint: add a key `cloud` holding the credentials file (for s3: `[default]` with `aws_access_key_id=…` and `aws_secret_access_key=…`)""",
        CheckerHarness.detailed(CHECKER, velero("\"access-key-id\", \"secret-access-key\"", "s3://velero/homelab")));
  }

  @Test
  void veleroCannotWriteToNfsAndAPolicyNoVolumeNamesGetsNoSchedule() {
    assertEquals("10:66: error[backup-via]: Velero cannot back up to `nfs://nas:/backups`: it writes to object storage only (backup cluster is via velero)",
        CheckerHarness.run(CHECKER, velero("\"cloud\"", "nfs://nas:/backups")));
    assertEquals("10:8: warning[backup-via]: backup cluster is via velero but no volume names it, so it gets no Schedule",
        CheckerHarness.run(CHECKER, velero("\"cloud\"", "s3://velero/homelab").replace("volume data { size 5Gi; backup cluster }\n", "")));
  }

  @Test
  void veleroNeedsThePluginOfItsProvider() {
    assertEquals("""
        10:66: error[backup-via]: Velero has no `azure` plugin to write to `azure://velero/homelab` (backup cluster is via velero; its plugins: aws)
          hint: add the init container `velero/velero-plugin-for-azure` to the values of `use velero`""",
        CheckerHarness.detailed(CHECKER, velero("\"cloud\"", "azure://velero/homelab")));
  }
}
