package dev.clusterc.compiler.emit.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.types.Cron;
import dev.clusterc.compiler.types.LiteralException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What Velero 1.17 needs of the compiled objects for scheduled backups to run, restated from its
 * controllers: a Schedule's backups go to the BackupStorageLocation its template names, in its own
 * namespace (else the backup fails validation); the location's provider must be a plugin the
 * Velero deployment loads (the standard library's chart values load {@code velero-plugin-for-aws});
 * the location's credential is a key of a Secret in Velero's namespace; the TTL is a Go duration;
 * the schedule is a standard cron; and the volumes' namespaces are included (an empty list would
 * mean every namespace).
 */
class VeleroBackupTruthTest {
  private static final Pattern GO_DURATION = Pattern.compile("^(\\d+)h(\\d+)m(\\d+)s$");

  static final String VELERO = CheckFixture.FLUX_BASE + """
      use velero
      use external-secrets
      store kv { via vault; config { server: "https://vault.example.org" } }
      secret velero-s3 { external kv key "backup/velero"; keys ["cloud"] }
      backup cluster {
        schedule "15 4 * * *"
        keep     { daily: 7, weekly: 4 }
        target   "s3://velero@eu-west-1/homelab"
        endpoint "https://r2.example.com"
        credentials velero-s3
        via velero
      }
      volume media-data { size 5Gi; backup cluster; namespace media }
      volume wiki-data { size 1Gi; backup cluster; namespace wiki }
      volume other { size 1Gi; backup none; namespace other }
      """;

  @Test
  void aVeleroPolicyBacksUpItsVolumesNamespacesToItsLocation() {
    List<KubeObject> objects = BackupTruth.compile(VELERO);
    assertSchedulesRun(objects);
    KubeObject schedule = BackupTruth.ofKind(objects, "Schedule").get(0);
    assertEquals(List.of("media", "wiki"), ((Map<?, ?>) schedule.map("spec").get("template")).get("includedNamespaces"));
    assertEquals(Duration.ofDays(28), ttl(schedule), "keep { weekly: 4 } is the longest window");
  }

  @Test
  void theTruthCheckCatchesAScheduleWithoutItsLocation() {
    List<KubeObject> objects = new ArrayList<>(BackupTruth.compile(VELERO));
    objects.removeIf(o -> o.kind().equals("BackupStorageLocation"));
    try {
      assertSchedulesRun(objects);
    } catch (AssertionError expected) {
      return;
    }
    fail("a Schedule naming no location was accepted");
  }

  @SuppressWarnings("unchecked")
  static void assertSchedulesRun(List<KubeObject> objects) {
    List<KubeObject> schedules = BackupTruth.ofKind(objects, "Schedule");
    assertFalse(schedules.isEmpty(), "no Schedule");
    Set<String> plugins = veleroPlugins(objects);
    for (KubeObject schedule : schedules) {
      Map<String, Object> spec = schedule.map("spec");
      try {
        Cron.parse((String) spec.get("schedule"));
      } catch (LiteralException e) {
        fail(schedule.name() + ": " + e.getMessage());
      }
      Map<String, Object> template = (Map<String, Object>) spec.get("template");
      List<String> namespaces = (List<String>) template.get("includedNamespaces");
      assertTrue(namespaces != null && !namespaces.isEmpty(), schedule.name() + " would back up every namespace");
      if (template.get("ttl") != null) {
        assertTrue(GO_DURATION.matcher((String) template.get("ttl")).matches(), "ttl " + template.get("ttl"));
      }
      String locationName = (String) template.get("storageLocation");
      KubeObject location = BackupTruth.ofKind(objects, "BackupStorageLocation").stream()
          .filter(l -> l.name().equals(locationName) && l.namespace().equals(schedule.namespace())).findFirst()
          .orElseThrow(() -> new AssertionError(schedule.name() + " names location " + locationName + ", which is not in "
              + schedule.namespace()));
      Map<String, Object> locationSpec = location.map("spec");
      String provider = (String) locationSpec.get("provider");
      assertTrue(plugins.contains(provider), "provider " + provider + " has no plugin in Velero's chart values: " + plugins);
      Map<String, Object> storage = (Map<String, Object>) locationSpec.get("objectStorage");
      assertFalse(((String) storage.get("bucket")).isEmpty());
      if (provider.equals("aws")) {
        Map<String, Object> config = (Map<String, Object>) locationSpec.get("config");
        assertTrue(config != null && config.get("region") != null, "the aws plugin needs a region");
      }
      Map<String, Object> credential = (Map<String, Object>) locationSpec.get("credential");
      assertTrue(credential != null, location.name() + " has no credential, and the chart's own Secret is off");
      List<String> keys = BackupTruth.secretKeys(objects, location.namespace(), (String) credential.get("name"))
          .orElseThrow(() -> new AssertionError("no Secret " + credential.get("name") + " in " + location.namespace()));
      assertTrue(keys.contains((String) credential.get("key")), "secret " + credential.get("name") + " has " + keys
          + ", the location reads " + credential.get("key"));
    }
  }

  /** The providers whose plugins the Velero HelmRelease loads ({@code velero/velero-plugin-for-PROVIDER} init containers). */
  @SuppressWarnings("unchecked")
  static Set<String> veleroPlugins(List<KubeObject> objects) {
    KubeObject release = objects.stream().filter(o -> o.kind().equals("HelmRelease") && o.name().equals("velero")).findFirst()
        .orElseThrow(() -> new AssertionError("no Velero HelmRelease"));
    Map<String, Object> values = (Map<String, Object>) release.map("spec").get("values");
    Map<String, Object> configuration = (Map<String, Object>) values.get("configuration");
    assertEquals(List.of(), configuration.get("backupStorageLocation"), "the chart's own location would have no provider");
    List<Map<String, Object>> init = (List<Map<String, Object>>) values.get("initContainers");
    return init.stream().map(c -> (String) c.get("image"))
        .map(image -> image.replaceAll("^.*velero-plugin-for-([a-z]+).*$", "$1")).collect(Collectors.toSet());
  }

  private static Duration ttl(KubeObject schedule) {
    Matcher m = GO_DURATION.matcher((String) ((Map<?, ?>) schedule.map("spec").get("template")).get("ttl"));
    assertTrue(m.matches());
    return Duration.ofHours(Long.parseLong(m.group(1))).plusMinutes(Long.parseLong(m.group(2)));
  }
}
