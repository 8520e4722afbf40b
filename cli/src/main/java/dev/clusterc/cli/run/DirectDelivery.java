package dev.clusterc.cli.run;

import dev.clusterc.compiler.api.CompiledCluster;
import dev.clusterc.compiler.api.CompiledUnit;
import dev.clusterc.compiler.source.WorkingDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What stops the runtime from applying a cluster's units directly: SOPS-encrypted Secrets. Flux
 * decrypts them in the cluster; clusterc holds no key and applies objects as compiled, so a unit
 * that includes one cannot be applied as it is. SealedSecrets are plain objects (only their
 * controller opens them) and travel with their unit.
 */
public final class DirectDelivery {
  private DirectDelivery() {}

  /** One line per SOPS file a unit includes: {@code   FILE (unit NAME, app web)}; empty when there are none. */
  public static List<String> sopsFiles(CompiledCluster cluster, WorkingDirectory cwd) {
    List<String> lines = new ArrayList<>();
    for (CompiledUnit unit : cluster.units()) {
      for (Map.Entry<String, Path> file : unit.sopsFiles().entrySet()) {
        lines.add("  " + cwd.display(file.getValue()) + " (unit " + unit.name()
            + unit.source().map(d -> ", " + d.kind() + " " + d.name()).orElse("") + ")");
      }
    }
    return lines;
  }

  /**
   * Why the units cannot be applied directly, naming every SOPS file and its unit, with what to do;
   * empty when nothing stands in the way.
   */
  public static Optional<String> refusal(CompiledCluster cluster, WorkingDirectory cwd) {
    List<String> lines = sopsFiles(cluster, cwd);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("clusterc: cannot apply SOPS-encrypted Secrets: clusterc holds no key to decrypt them\n"
        + String.join("\n", lines) + "\n"
        + "hint: declare them `sealed` or `external` instead of `sops`, or let Flux deploy the cluster (`gitops flux`);"
        + " nothing was applied");
  }
}
