package dev.clusterc.cli.bench;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What this process holds in memory, for the benchmarks: the heap in use after a collection, the heap
 * pools' peaks since the last reset, and the resident set from {@code /proc/self/status}; and the
 * machine's load average, which says how far the times can be trusted.
 */
final class ProcessMemory {
  private static final double MIB = 1048576.0;

  private ProcessMemory() {}

  /** Collects garbage, then forgets the heap pools' peaks: what comes next is measured from here. */
  static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks since the last reset, in MiB: an upper bound of the peak heap in use. */
  static double peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / MIB;
  }

  /** The heap in use after two full collections, in MiB: what is reachable now. */
  static double heapAfterGcMb() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
  }

  /**
   * Where the memory outside the heap goes, as the JVM counts it: non-heap pools (metaspace, code cache),
   * direct and mapped buffers, and live threads (each with its own stack).
   */
  static String outsideHeap() {
    double nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed() / MIB;
    double buffers = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      buffers += pool.getMemoryUsed() / MIB;
    }
    return String.format("non-heap pools %.0f MB (metaspace, code cache), buffers %.0f MB (direct, mapped), %d threads",
        nonHeap, buffers, ManagementFactory.getThreadMXBean().getThreadCount());
  }

  /** VmHWM of this process (its peak resident set), e.g. {@code 412 MB}; "?" off Linux. */
  static String peakRss() {
    return status("VmHWM:");
  }

  /** VmRSS of this process (its resident set now), e.g. {@code 380 MB}; "?" off Linux. */
  static String rss() {
    return status("VmRSS:");
  }

  private static String status(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field)) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return (kb / 1024) + " MB";
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return "?";
  }

  /** The 1, 5 and 15 minute load averages of the machine, from /proc/loadavg ("?" elsewhere). */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
