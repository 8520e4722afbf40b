package dev.clusterc.compiler.emit.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.emit.Examples;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.types.Cron;
import dev.clusterc.compiler.types.LiteralException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What Longhorn 1.10 needs of the compiled objects for backups to run, restated from
 * longhorn-manager v1.10.0 ({@code datastore.ValidateRecurringJob}, the recurring-job and
 * backup-target webhooks) and its backupstore drivers ({@code nfs}, {@code s3}, {@code azblob}
 * {@code initFunc}): Go's {@code url.Parse} and the drivers' checks are restated here for the URL
 * shapes clusterc writes, because building longhorn-manager to run them costs more than these tests.
 */
class LonghornBackupTruthTest {
  private static final String GROUP_LABEL = "recurring-job-group.longhorn.io/";
  /** {@code util.ValidateString}, which Longhorn applies to every group of a job. */
  private static final Pattern GROUP = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$");
  /** {@code util.ValidateName}, which the backup-target webhook applies to the target's name. */
  private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9_.-]+$");

  static final String S3 = CheckFixture.FLUX_BASE + """
      use longhorn
      use external-secrets
      store kv { via vault; config { server: "https://vault.example.org" } }
      secret minio { external kv key "backup/minio"; keys ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINTS"] }
      backup offsite {
        schedule "*/30 * * * *"
        keep     { hourly: 48, daily: 14, weekly: 8, monthly: 12 }
        target   "s3://longhorn@eu-central-1/homelab"
        endpoint "https://minio.example.org"
        credentials minio
        via longhorn
      }
      volume data { size 5Gi; class "longhorn"; backup offsite; namespace media }
      volume more { size 1Gi; class "longhorn"; backup offsite; namespace wiki }
      """;

  @Test
  void theFleetInfraExampleBacksUpToItsNfsShare() throws IOException {
    List<KubeObject> objects = BackupTruth.objects(Examples.compile(Repo.root().resolve("examples/fleet-infra")));
    assertBackupsRun(objects);
    assertEquals(List.of("nfs://192.168.1.21:/mnt/hpool/backups"), urls(objects));
    assertEquals(Map.of("nas-daily", "0 2 * * * keeps 7", "nas-weekly", "0 2 * * 0 keeps 4"),
        BackupTruth.ofKind(objects, "RecurringJob").stream().collect(Collectors.toMap(KubeObject::name,
            j -> j.map("spec").get("cron") + " keeps " + j.map("spec").get("retain"))),
        "schedule \"0 2 * * *\", keep { daily: 7, weekly: 4 }");
  }

  @Test
  void anS3PolicyWithEveryPeriodRunsAndReachesItsBucket() throws LiteralException {
    List<KubeObject> objects = BackupTruth.compile(S3);
    assertBackupsRun(objects);
    assertEquals(Map.of("offsite-hourly", 48L, "offsite-daily", 14L, "offsite-weekly", 8L, "offsite-monthly", 12L),
        BackupTruth.ofKind(objects, "RecurringJob").stream().collect(Collectors.toMap(KubeObject::name, j -> (Long) j.map("spec").get("retain"))));
    KubeObject hourly = BackupTruth.ofKind(objects, "RecurringJob").get(0);
    assertEquals(Cron.parse("*/30 * * * *").normalized(), Cron.parse((String) hourly.map("spec").get("cron")).normalized(),
        "the job of the schedule's own period runs on the schedule");
  }

  @Test
  void theTruthCheckCatchesAClaimWhoseGroupHasNoJob() {
    List<KubeObject> objects = new ArrayList<>(BackupTruth.compile(S3));
    objects.removeIf(o -> o.kind().equals("RecurringJob"));
    assertThrowsAssertion(() -> assertBackupsRun(objects));
  }

  @Test
  void theTruthCheckCatchesAnNfsUrlLonghornWouldMountWrong() {
    assertThrowsAssertion(() -> assertNfs("nfs://nas/backups"));
    assertNfs("nfs://nas:/backups");
  }

  /** Everything Longhorn needs for every claim that joins a recurring-job group to be backed up. */
  static void assertBackupsRun(List<KubeObject> objects) {
    List<KubeObject> jobs = BackupTruth.ofKind(objects, "RecurringJob");
    List<KubeObject> targets = BackupTruth.ofKind(objects, "BackupTarget");
    Set<String> groups = jobs.stream().flatMap(j -> groups(j).stream()).collect(Collectors.toSet());
    int claims = 0;
    for (KubeObject claim : BackupTruth.ofKind(objects, "PersistentVolumeClaim")) {
      for (Map.Entry<String, String> label : claim.labels().entrySet()) {
        if (label.getKey().startsWith(GROUP_LABEL)) {
          claims++;
          String group = label.getKey().substring(GROUP_LABEL.length());
          assertEquals("enabled", label.getValue(), claim.name());
          assertTrue(groups.contains(group), "claim " + claim.name() + " joins group " + group + ", which no RecurringJob carries");
          assertEquals("enabled", claim.labels().get("recurring-job.longhorn.io/source"),
              "claim " + claim.name() + ": Longhorn copies a claim's job labels to its volume only with the source label");
          assertEquals("longhorn", claim.map("spec").get("storageClassName"), claim.name() + " is not a Longhorn volume");
        }
      }
    }
    assertTrue(claims > 0, "no claim joins a recurring-job group");
    for (KubeObject job : jobs) {
      Map<String, Object> spec = job.map("spec");
      assertEquals("backup", spec.get("task"), job.name());
      assertEquals(job.name(), spec.get("name"), "Longhorn names the job by spec.name");
      assertTrue(job.name().length() <= 40, job.name());
      long retain = (Long) spec.get("retain");
      assertTrue(retain >= 1 && retain <= 100, job.name() + " retains " + retain);
      groups(job).forEach(g -> assertTrue(GROUP.matcher(g).matches(), "invalid group " + g));
      try {
        Cron.parse((String) spec.get("cron"));
      } catch (LiteralException e) {
        fail(job.name() + ": cron " + spec.get("cron") + " is not standard: " + e.getMessage());
      }
      assertEquals(1, targets.stream().filter(t -> t.namespace().equals(job.namespace())).count(),
          "a backup job needs Longhorn's target in its namespace " + job.namespace());
    }
    for (KubeObject target : targets) {
      assertEquals("default", target.name(), "volumes back up to the target `default` unless they name another");
      assertTrue(NAME.matcher(target.name()).matches());
      String url = (String) target.map("spec").get("backupTargetURL");
      String scheme = url.substring(0, url.indexOf("://"));
      switch (scheme) {
        case "nfs" -> assertNfs(url);
        case "s3", "azblob" -> assertObjectStore(objects, target, url);
        default -> fail("Longhorn has no backupstore driver for " + url);
      }
    }
  }

  /** The nfs driver mounts {@code u.Host + u.Path}: the host must end with {@code :} for that to be {@code server:/export}. */
  static void assertNfs(String url) {
    String rest = url.substring("nfs://".length());
    int slash = rest.indexOf('/');
    assertTrue(slash > 0, url + ": the nfs driver needs a host and a path");
    String host = rest.substring(0, slash);
    String path = rest.substring(slash);
    assertTrue(host.endsWith(":") && host.length() > 1, url + " mounts `" + host + path + "`, which is not SERVER:/EXPORT");
    assertFalse(path.contains("$") || path.contains(","), url + ": Longhorn refuses $ and , in the path");
  }

  /** {@code s3://BUCKET@REGION/PATH} and {@code azblob://CONTAINER@SUFFIX/PATH}, and the keys the drivers read from the secret. */
  static void assertObjectStore(List<KubeObject> objects, KubeObject target, String url) {
    String scheme = url.substring(0, url.indexOf("://"));
    String rest = url.substring(url.indexOf("://") + 3);
    int slash = rest.indexOf('/');
    assertTrue(slash > 0 && rest.length() > slash, url + ": the driver needs a bucket and a path");
    String authority = rest.substring(0, slash);
    String bucket = authority.contains("@") ? authority.substring(0, authority.indexOf('@')) : authority;
    assertFalse(bucket.isEmpty(), url);
    assertFalse(rest.substring(slash).contains("$") || rest.substring(slash).contains(","), url);
    String secret = (String) target.map("spec").get("credentialSecret");
    assertTrue(secret != null, url + " needs a credentialSecret");
    List<String> keys = BackupTruth.secretKeys(objects, target.namespace(), secret)
        .orElseThrow(() -> new AssertionError("no Secret " + secret + " in " + target.namespace()));
    List<String> needed = scheme.equals("s3") ? List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
        : List.of("AZBLOB_ACCOUNT_NAME", "AZBLOB_ACCOUNT_KEY");
    assertTrue(keys.containsAll(needed), "secret " + secret + " has " + keys + ", Longhorn reads " + needed);
  }

  @SuppressWarnings("unchecked")
  private static List<String> groups(KubeObject job) {
    return (List<String>) job.map("spec").getOrDefault("groups", List.of());
  }

  private static List<String> urls(List<KubeObject> objects) {
    return BackupTruth.ofKind(objects, "BackupTarget").stream().map(t -> (String) t.map("spec").get("backupTargetURL")).toList();
  }

  private static void assertThrowsAssertion(Runnable check) {
    try {
      check.run();
    } catch (AssertionError expected) {
      return;
    }
    fail("the check accepted what Longhorn would not");
  }
}
