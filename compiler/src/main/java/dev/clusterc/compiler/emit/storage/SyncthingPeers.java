package dev.clusterc.compiler.emit.storage;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.rules.Namespaces;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Syncthing ReplicationSources of {@code replicate … via syncthing} that pair only once they
 * run: each one's peer is the other's device ID and address, which its mover makes when it first
 * starts, so no source can hold them. {@link VolsyncReplication} emits the two sources under these
 * names; {@code compile} lists the pairing among its next steps with these commands.
 *
 * @param volume the volume's name
 * @param namespace where both sources are (the volume's namespace)
 * @param primary the source of the claim {@code NAME}: {@code NAME-syncthing}
 * @param backup the source of the claim {@code NAME-backup}: {@code NAME-backup-syncthing}
 */
public record SyncthingPeers(String volume, String namespace, String primary, String backup) {

  /** The pairs of every volume replicated via Syncthing, in declaration order. */
  public static List<SyncthingPeers> of(ClusterModel model) {
    Namespaces namespaces = new Namespaces(model);
    List<SyncthingPeers> pairs = new ArrayList<>();
    for (Decl decl : model.decls(Kind.VOLUME)) {
      if (decl.body() == null) {
        continue;
      }
      Volume volume = Volume.of(model, decl);
      if (volume.replica() != null && !volume.replica().rsync()) {
        pairs.add(new SyncthingPeers(volume.name(), namespaces.of(decl), primaryName(volume), backupName(volume)));
      }
    }
    return pairs;
  }

  static String primaryName(Volume volume) {
    return volume.name() + "-syncthing";
  }

  static String backupName(Volume volume) {
    return VolumeClaims.backupClaimName(volume) + "-syncthing";
  }

  /**
   * The shell commands that pair the two, once both movers have started: read each source's
   * {@code status.syncthing.ID} and {@code address}, and set them as the other's only peer
   * (a merge patch, which the sources' {@code ssa: Merge} annotation keeps Flux from undoing).
   */
  public List<String> commands() {
    List<String> commands = new ArrayList<>();
    String p = variable(primary);
    String b = variable(backup);
    for (String[] side : new String[][] {{primary, p}, {backup, b}}) {
      for (String field : new String[] {"ID", "address"}) {
        commands.add(side[1] + "_" + field.toUpperCase(Locale.ROOT) + "=$(kubectl get replicationsource " + side[0]
            + " --namespace=" + namespace + " -o jsonpath='{.status.syncthing." + field + "}')");
      }
    }
    commands.add(patch(primary, b));
    commands.add(patch(backup, p));
    return commands;
  }

  private String patch(String source, String peer) {
    return "kubectl patch replicationsource " + source + " --namespace=" + namespace + " --type=merge -p "
        + "\"{\\\"spec\\\":{\\\"syncthing\\\":{\\\"peers\\\":[{\\\"ID\\\":\\\"$" + peer + "_ID\\\",\\\"address\\\":\\\"$"
        + peer + "_ADDRESS\\\",\\\"introducer\\\":false}]}}}\"";
  }

  /** A shell variable prefix for a source name: upper case, {@code -} as {@code _}. */
  private static String variable(String name) {
    return name.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
