package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.BackupCredentials;
import dev.clusterc.compiler.model.BackupCredentials.Role;
import dev.clusterc.compiler.model.BackupTarget;
import dev.clusterc.compiler.model.Retention;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A database's backup policy as CloudNativePG's {@code spec.backup}: Barman archives WAL and base
 * backups to the policy's target, with the credentials read from the policy's {@code credentials}
 * secret by reference (the operator reads the values; the output only names the keys, see
 * {@link BackupCredentials}), both streams gzip-compressed, and the policy's {@code keep} as a
 * retention window.
 *
 * <p>For Azure, Barman takes the account from {@code destinationPath}
 * ({@link BackupTarget#barmanDestinationPath()}) and one credential: a connection string, else a
 * storage key or a SAS token (CloudNativePG accepts exactly one of the two). {@code storageAccount}
 * is named only when the secret declares an account key: naming one it lacks would stop the backup.
 *
 * <p>Barman keeps backups by age, not by count, so {@code keep} becomes the longest window it
 * covers: {@code hourly: N} is N hours (rounded up to days, the smallest unit CloudNativePG takes),
 * {@code daily: N} N days, {@code weekly: N} N weeks, {@code monthly: N} N months; {@code daily: 7,
 * weekly: 4} is {@code 4w}. A {@code keep} of nothing gives no retention policy, so nothing is deleted.
 */
final class CnpgBackup {
  private CnpgBackup() {}

  static Map<String, Object> spec(Backup backup) {
    BackupTarget target = backup.target();
    Map<String, Object> store = map(
        "destinationPath", target.barmanDestinationPath(),
        "endpointURL", target.barmanEndpoint(),
        "wal", map("compression", "gzip"),
        "data", map("compression", "gzip"));
    if (backup.hasCredentials()) {
      credentials(target, backup.credentials(), store);
    }
    return map(
        "retentionPolicy", retentionPolicy(backup.keep()),
        "barmanObjectStore", store);
  }

  /** {@code s3Credentials}, {@code azureCredentials} or {@code googleCredentials}, by the target's scheme. */
  private static void credentials(BackupTarget target, BackupCredentials keys, Map<String, Object> store) {
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
          keys.find(Role.AZURE_ACCOUNT).ifPresent(k -> credentials.put("storageAccount", ref(keys, k)));
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

  private static Map<String, Object> ref(BackupCredentials keys, String key) {
    return map("name", keys.secret(), "key", key);
  }

  /** A {@code keep} period longer than an hour: how many days one unit of CloudNativePG's notation is, and its letter. */
  private record Window(Retention.Period period, long days, String unit) {}

  private static final List<Window> WINDOWS = List.of(new Window(Retention.Period.DAILY, 1, "d"),
      new Window(Retention.Period.WEEKLY, 7, "w"), new Window(Retention.Period.MONTHLY, 30, "m"));

  /** The longest window {@code keep} covers, as CloudNativePG writes it ({@code 7d}, {@code 4w}, {@code 6m}), or {@code null}. */
  static String retentionPolicy(Retention keep) {
    if (keep == null) {
      return null;
    }
    String best = null;
    long longest = 0;
    long hours = keep.count(Retention.Period.HOURLY);
    if (hours > 0) {
      longest = (hours + 23) / 24;
      best = longest + "d";
    }
    for (Window window : WINDOWS) {
      long count = keep.count(window.period());
      if (count * window.days() > longest) {
        longest = count * window.days();
        best = count + window.unit();
      }
    }
    return best;
  }
}
