package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.Retention;
import dev.clusterc.compiler.model.Retention.Period;
import dev.clusterc.compiler.types.Cron;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The Longhorn RecurringJobs of a {@code backup … via longhorn} policy, in Longhorn's namespace.
 *
 * <p>A claim joins the policy with {@code recurring-job-group.longhorn.io/POLICY: enabled} (with
 * {@code recurring-job.longhorn.io/source: enabled}, so Longhorn copies the claim's labels to its
 * volume, see {@link VolumeEmitter}); every job here carries {@code groups: [POLICY]}, so it runs
 * for exactly those volumes. Longhorn keeps the last {@code retain} backups <em>of each job</em>, so
 * {@code keep} becomes one job per period it counts, {@code POLICY-PERIOD}, with that count:
 * <ul>
 *   <li>a period the schedule already runs once in (or one it cannot fill, which
 *       {@code backup-retention} reports) runs on the policy's {@code schedule} itself;</li>
 *   <li>a longer period runs once per period at the schedule's first time: its first minute and
 *       hour, on the first weekday it runs ({@code weekly}) or the first day of the month it runs
 *       ({@code monthly}), so {@code 0 2 * * *} with {@code keep { daily: 7, weekly: 4 }} gives a
 *       daily job on {@code 0 2 * * *} keeping 7 and a weekly one on {@code 0 2 * * 0} keeping 4.</li>
 * </ul>
 * A policy that keeps nothing gets one job {@code POLICY} with {@code retain: 1}, Longhorn's minimum
 * (its webhook turns a lower value into 1); {@code backup-retention} has already warned. The cron is
 * written in numbers ({@link Cron#normalized()}), which Longhorn's standard cron parser reads, in UTC.
 */
final class LonghornRecurringJobs {
  static final String API_VERSION = "longhorn.io/v1beta2";

  private LonghornRecurringJobs() {}

  /** The jobs of the policy, shortest period first; none when its schedule is malformed (reported elsewhere). */
  static List<KubeObject> jobs(EmitContext context, Backup backup, String namespace) {
    List<KubeObject> jobs = new ArrayList<>();
    if (backup.schedule() == null || !backup.schedule().valid()) {
      return jobs;
    }
    Cron cron = backup.schedule().cron();
    Retention keep = backup.keep();
    List<Period> periods = keep == null ? List.of()
        : keep.counts().keySet().stream().filter(p -> keep.count(p) > 0).toList();
    if (periods.isEmpty()) {
      jobs.add(job(context, backup, namespace, backup.name(), cron.normalized(), 1));
      return jobs;
    }
    Period natural = naturalPeriod(cron);
    for (Period period : periods) {
      String schedule = period.compareTo(natural) <= 0 ? cron.normalized() : onceEvery(cron, period);
      jobs.add(job(context, backup, namespace, name(backup, period), schedule, keep.count(period)));
    }
    return jobs;
  }

  /** {@code POLICY-PERIOD}: the job that keeps one period's copies. */
  static String name(Backup backup, Period period) {
    return backup.name() + "-" + period.key();
  }

  private static KubeObject job(EmitContext context, Backup backup, String namespace, String name, String cron, long retain) {
    KubeObject job = context.object(backup.decl(), backup.decl().site(), API_VERSION, "RecurringJob", name, namespace);
    return job.put("spec", map(
        "name", name,
        "groups", list(backup.name()),
        "task", "backup",
        "cron", cron,
        "retain", retain,
        "concurrency", 1L));
  }

  /** The shortest period the schedule runs at least once in; monthly for one that runs more rarely still. */
  static Period naturalPeriod(Cron cron) {
    if (cron.firesEveryHour()) {
      return Period.HOURLY;
    }
    if (cron.firesEveryDay()) {
      return Period.DAILY;
    }
    return cron.firesEveryWeek() ? Period.WEEKLY : Period.MONTHLY;
  }

  /** A cron that runs once per {@code period}, at a time the schedule runs. */
  static String onceEvery(Cron cron, Period period) {
    int minute = cron.minutes().nextSetBit(0);
    int hour = cron.hours().nextSetBit(0);
    return switch (period) {
      case HOURLY -> minute + " * * * *";
      case DAILY -> minute + " " + hour + " * * *";
      case WEEKLY -> minute + " " + hour + " * * " + first(cron.daysOfWeek(), 0);
      case MONTHLY -> minute + " " + hour + " " + first(cron.daysOfMonth(), 1) + " * *";
    };
  }

  private static int first(BitSet days, int from) {
    int day = days.nextSetBit(from);
    return day < 0 ? from : day;
  }
}
