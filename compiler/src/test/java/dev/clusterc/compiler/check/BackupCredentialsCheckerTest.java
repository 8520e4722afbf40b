package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A backup's credentials hold what its movers read, and an Azure target names its account where Barman looks. */
class BackupCredentialsCheckerTest {
  private static final BackupCredentialsChecker CHECKER = new BackupCredentialsChecker();

  /** The secret on line 8, the policy on lines 9-13 ({@code credentials} on line 12), a volume on line 14. */
  private static String restic(String keys, String target) {
    return BASE + "secret creds { sops \"c.yaml\"; keys [" + keys + "] }\n"
        + "backup nightly {\n  schedule    \"0 3 * * *\"\n  target      \"" + target + "\"\n  credentials creds\n}\n"
        + "volume data { size 1Gi; backup nightly }\nuse volsync\n";
  }

  @Test
  void aResticPolicyWhoseSecretHasNoPasswordKeyIsToldWhichKeyAndWhere() {
    assertEquals("""
        12:3: error[backup-credentials]: secret creds, the credentials of backup nightly, has no key for the restic repository password, which VolSync's restic mover needs for its s3:// target
          hint: add `RESTIC_PASSWORD` to the `keys` of secret creds (and to its value)
          note 8:31: its keys are declared here""",
        CheckerHarness.detailed(CHECKER, restic("\"access-key-id\", \"secret-access-key\"", "s3://backups/lab")));
  }

  @Test
  void eachMissingStorageKeyIsNamedWithTheBackendThatReadsIt() {
    assertEquals("""
        12:3: error[backup-credentials]: secret creds, the credentials of backup nightly, has no key for the access key id, which VolSync's restic mover needs for its s3:// target
        12:3: error[backup-credentials]: secret creds, the credentials of backup nightly, has no key for the secret access key, which VolSync's restic mover needs for its s3:// target""",
        CheckerHarness.run(CHECKER, restic("\"restic-password\"", "s3://backups/lab")));
    assertEquals("", CheckerHarness.run(CHECKER, restic("\"restic-password\", \"AWS_ACCESS_KEY_ID\", \"AWS_SECRET_ACCESS_KEY\"",
        "s3://backups/lab")));
  }

  @Test
  void resticOnAzureNeedsTheAccountFromTheTargetOrTheCredentials() {
    assertEquals("12:3: error[backup-credentials]: secret creds, the credentials of backup nightly, has no key for the storage"
            + " account name, which VolSync's restic mover needs for its azure:// target",
        CheckerHarness.run(CHECKER, restic("\"RESTIC_PASSWORD\", \"AZURE_STORAGE_KEY\"", "azure://volumes")));
    assertEquals("", CheckerHarness.run(CHECKER, restic("\"RESTIC_PASSWORD\", \"AZURE_STORAGE_ACCOUNT\", \"AZURE_STORAGE_KEY\"",
        "azure://volumes")));
    assertEquals("", CheckerHarness.run(CHECKER, restic("\"RESTIC_PASSWORD\", \"AZURE_STORAGE_SAS_TOKEN\"",
        "azure://lab.blob.core.windows.net/volumes")));
  }

  @Test
  void aSecretThatListsNoKeysCannotBeChecked() {
    assertEquals("", CheckerHarness.run(CHECKER, restic("", "s3://backups/lab").replace("; keys [] ", " ")));
  }

  @Test
  void resticOnAnNfsShareStillNeedsAPassword() {
    String text = BASE + "backup nas { schedule \"0 2 * * *\"; target \"nfs://nas:/backups\" }\n"
        + "volume data { size 1Gi; backup nas }\nuse volsync\nuse longhorn\n";
    assertEquals("""
        8:8: error[backup-credentials]: backup nas has no `credentials`, and restic cannot open its repository without a password
          hint: add `credentials SECRET`, naming a secret whose keys include `RESTIC_PASSWORD`""",
        CheckerHarness.detailed(CHECKER, text));
    assertEquals("", CheckerHarness.run(CHECKER, text.replace("target", "via longhorn; target")), "longhorn needs no password");
  }

  /** The secret on line 8, the policy on line 9, the database on line 10. */
  private static String database(String keys, String target, String more) {
    return BASE + "secret azure-backup { external kv key \"cnpg\"; keys [" + keys + "] }\n"
        + "backup daily { schedule \"0 1 * * *\"; target \"" + target + "\"" + more + "; credentials azure-backup }\n"
        + "database db { engine postgres; version 17; size 1Gi; backup daily }\n"
        + "use cloudnative-pg\nuse external-secrets\n"
        + "store kv { via vault; config { server: \"https://vault.example.org\", path: \"kv\", version: \"v2\" } }\n";
  }

  @Test
  void anAzureDatabaseBackupWithNoAccountAnywhereIsAnError() {
    assertEquals("""
        9:45: error[backup-credentials]: the target `azure://db-clean/base` of backup daily names no storage account, and CloudNativePG's Barman reads the account only from the URL it writes to
          hint: name the account in the target, `azure://ACCOUNT.blob.core.windows.net/db-clean/base`, or give `endpoint "https://ACCOUNT.blob.core.windows.net"`""",
        CheckerHarness.detailed(CHECKER, database("\"AZURE_STORAGE_ACCOUNT\", \"AZURE_STORAGE_SAS_TOKEN\"", "azure://db-clean/base", "")));
  }

  @Test
  void anAzureAccountFromTheEndpointOrTheTargetIsEnough() {
    assertEquals("", CheckerHarness.run(CHECKER, database("\"AZURE_STORAGE_SAS_TOKEN\"", "azure://db-clean",
        "; endpoint \"https://lab.blob.core.windows.net\"")));
    assertEquals("", CheckerHarness.run(CHECKER, database("\"AZURE_STORAGE_KEY\"", "azure://lab.blob.core.windows.net/db-clean", "")));
  }

  @Test
  void barmanNeedsAKeyATokenOrAConnectionStringButNoPassword() {
    assertEquals("9:91: error[backup-credentials]: secret azure-backup, the credentials of backup daily, has no key for the storage"
            + " account key, a SAS token or a connection string, which CloudNativePG's Barman needs for its azure:// target",
        CheckerHarness.run(CHECKER, database("\"AZURE_STORAGE_ACCOUNT\"", "azure://lab.blob.core.windows.net/db-clean", "")));
  }

  @Test
  void anEmulatedBlobHostNeedsAConnectionString() {
    String text = database("\"AZURE_STORAGE_KEY\"", "azure://db-clean", "; endpoint \"http://azurite:10000/devstoreaccount1\"");
    assertEquals("9:115: error[backup-credentials]: Barman treats the blob host `azurite:10000/devstoreaccount1` of backup daily as an"
        + " emulator, which it reaches only with a connection string, and secret azure-backup declares none",
        CheckerHarness.run(CHECKER, text));
  }
}
