package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.Retention;
import dev.clusterc.compiler.model.Retention.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;

/**
 * When Velero backs up, and what: the Schedule named after a {@code backup … via velero} policy, in
 * Velero's namespace.
 *
 * <ul>
 *   <li>{@code schedule}: the policy's schedule in numbers, read by Velero in UTC;</li>
 *   <li>{@code template.includedNamespaces}: the namespaces of the volumes that name the policy.
 *       Velero backs up whole namespaces (an empty list would mean every namespace), so a policy
 *       that no volume names gets no Schedule;</li>
 *   <li>{@code template.defaultVolumesToFsBackup}: the volumes' files are copied by Velero's node
 *       agent (the standard library's Velero has it, and no volume snapshots);</li>
 *   <li>{@code template.storageLocation}: the policy's BackupStorageLocation ({@link VeleroStorageLocation});</li>
 *   <li>{@code template.ttl}: Velero expires each backup by age, not by count, so {@code keep} becomes
 *       the longest window it covers ({@code { daily: 7, weekly: 4 }} keeps every backup 4 weeks,
 *       {@code 672h0m0s}); a month is 31 days. Without {@code keep}, Velero's default (30 days).</li>
 * </ul>
 */
final class VeleroSchedule {
  private static final Map<Period, Long> HOURS = Map.of(Period.HOURLY, 1L, Period.DAILY, 24L, Period.WEEKLY, 168L,
      Period.MONTHLY, 744L);

  private VeleroSchedule() {}

  /** The Schedule, or {@code null} when its schedule is malformed (reported elsewhere) or no volume names the policy. */
  static KubeObject schedule(EmitContext context, Backup backup, String namespace, Collection<String> namespaces) {
    if (backup.schedule() == null || !backup.schedule().valid() || namespaces.isEmpty()) {
      return null;
    }
    KubeObject schedule = context.object(backup.decl(), backup.schedule().span(), VeleroStorageLocation.API_VERSION,
        "Schedule", backup.name(), namespace);
    return schedule.put("spec", map(
        "schedule", backup.schedule().cron().normalized(),
        "template", map(
            "includedNamespaces", new ArrayList<Object>(namespaces),
            "storageLocation", VeleroStorageLocation.name(backup),
            "defaultVolumesToFsBackup", true,
            "snapshotVolumes", false,
            "ttl", ttl(backup.keep()))));
  }

  /** The longest window {@code keep} covers as a Go duration ({@code 672h0m0s}), or {@code null} when it keeps nothing. */
  static String ttl(Retention keep) {
    if (keep == null) {
      return null;
    }
    long hours = 0;
    for (Map.Entry<Period, Retention.Count> count : keep.counts().entrySet()) {
      hours = Math.max(hours, count.getValue().value() * HOURS.get(count.getKey()));
    }
    return hours == 0 ? null : hours + "h0m0s";
  }
}
