package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.storage.BackupTargetKeys.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A database's backup policy as CloudNativePG's {@code spec.backup}: Barman archives WAL and base
 * backups to the policy's target, with the credentials read from the policy's {@code credentials}
 * secret by reference (the operator reads the values; the output only names the keys, see
 * {@link BackupTargetKeys}), both streams gzip-compressed, and the policy's {@code keep} as a
 * retention window.
 *
 * <p>Barman keeps backups by age, not by count, so {@code keep} becomes the longest window it
 * covers: {@code hourly: N} is N hours (rounded up to days, the smallest unit CloudNativePG takes),
 * {@code daily: N} N days, {@code weekly: N} N weeks, {@code monthly: N} N months; {@code daily: 7,
 * weekly: 4} is {@code 4w}. A {@code keep} of nothing gives no retention policy, so nothing is deleted.
 */
final class CnpgBackup {
  private CnpgBackup() {}

  static Map<String, Object> spec(Decl backup) {
    BackupTarget target = BackupTarget.of(backup);
    BackupTargetKeys keys = BackupTargetKeys.of(backup);
    Map<String, Object> store = new LinkedHashMap<>();
    store.put("destinationPath", target.barmanDestinationPath());
    if (target.barmanEndpoint() != null) {
      store.put("endpointURL", target.barmanEndpoint());
    }
    if (keys.secret() != null) {
      credentials(target, keys, store);
    }
    store.put("wal", Map.of("compression", "gzip"));
    store.put("data", Map.of("compression", "gzip"));
    Map<String, Object> spec = new LinkedHashMap<>();
    String retention = retentionPolicy(backup);
    if (retention != null) {
      spec.put("retentionPolicy", retention);
    }
    spec.put("barmanObjectStore", store);
    return spec;
  }

  /** {@code s3Credentials}, {@code azureCredentials} or {@code googleCredentials}, by the target's scheme. */
  private static void credentials(BackupTarget target, BackupTargetKeys keys, Map<String, Object> store) {
    Map<String, Object> credentials = new LinkedHashMap<>();
    switch (target.scheme()) {
      case "s3":
        credentials.put("accessKeyId", ref(keys, keys.key(Role.ACCESS_KEY_ID)));
        credentials.put("secretAccessKey", ref(keys, keys.key(Role.SECRET_ACCESS_KEY)));
        keys.find(Role.REGION).ifPresent(k -> credentials.put("region", ref(keys, k)));
        store.put("s3Credentials", credentials);
        break;
      case "azure":
        if (keys.find(Role.AZURE_CONNECTION_STRING).isPresent()) {
          credentials.put("connectionString", ref(keys, keys.key(Role.AZURE_CONNECTION_STRING)));
        } else {
          credentials.put("storageAccount", ref(keys, keys.key(Role.AZURE_ACCOUNT)));
          if (keys.find(Role.AZURE_SAS).isPresent() && keys.find(Role.AZURE_KEY).isEmpty()) {
            credentials.put("storageSasToken", ref(keys, keys.key(Role.AZURE_SAS)));
          } else {
            credentials.put("storageKey", ref(keys, keys.key(Role.AZURE_KEY)));
          }
        }
        store.put("azureCredentials", credentials);
        break;
      case "gs":
        credentials.put("applicationCredentials", ref(keys, keys.key(Role.GOOGLE_CREDENTIALS)));
        store.put("googleCredentials", credentials);
        break;
      default:
        break;
    }
  }

  private static Map<String, Object> ref(BackupTargetKeys keys, String key) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("name", keys.secret());
    ref.put("key", key);
    return ref;
  }

  /** A {@code keep} period: how many days one unit of CloudNativePG's notation is, and its letter. */
  private record Period(String key, long days, String unit) {}

  private static final List<Period> PERIODS = List.of(new Period("daily", 1, "d"), new Period("weekly", 7, "w"),
      new Period("monthly", 30, "m"));

  /** The longest window {@code keep} covers, as CloudNativePG writes it ({@code 7d}, {@code 4w}, {@code 6m}), or {@code null}. */
  static String retentionPolicy(Decl backup) {
    Map<String, Typed> keep = backup.body().typed("keep", Typed.Entries.class).map(Typed.Entries::values).orElse(Map.of());
    String best = null;
    long longest = 0;
    if (keep.get("hourly") instanceof Typed.Int hours && hours.value() > 0) {
      longest = (hours.value() + 23) / 24;
      best = longest + "d";
    }
    for (Period period : PERIODS) {
      if (keep.get(period.key()) instanceof Typed.Int count && count.value() * period.days() > longest) {
        longest = count.value() * period.days();
        best = count.value() + period.unit();
      }
    }
    return best;
  }
}
