package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.emit.VolumeTestSupport.assertNames;
import static dev.clusterc.compiler.emit.VolumeTestSupport.emit;
import static dev.clusterc.compiler.emit.VolumeTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.golden.Snippets;
import dev.clusterc.compiler.schema.Kind;
import org.junit.jupiter.api.Test;

/** Claims, static local PVs and the VolSync replication pairs of volumes. */
class VolumeEmitterTest {
  /** The brief's second normative example, verbatim. */
  static final String FAILOVER_PAIR = """
      cluster failover-pair {
        domain "lab.internal"
        network { nodes 192.168.10.0/24 }
        layers [crds, controllers, storage, operations, apps]
      }

      node k3s-cp { role control-plane; address 192.168.10.5 }
      node k3s-w1 { role worker; address 192.168.10.11 }
      node k3s-w2 { role worker; address 192.168.10.12 }

      use volsync

      volume sonarr-data {
        size      10Gi
        local     k3s-w1 at "/data/pods/sonarr"
        replicate to k3s-w2 via syncthing
        backup    none
      }

      app sonarr {
        image "lscr.io/linuxserver/sonarr:4.0.15"
        port  http 8989
        mount sonarr-data at "/config"
      }
      """;

  @Test
  void theSecondNormativeExampleIsAPinnedPairOfStaticVolumesKeptInSyncBySyncthing() {
    Unit unit = emit(FAILOVER_PAIR, Kind.VOLUME, "sonarr-data");
    assertNames(unit, "PersistentVolume/pv-sonarr-data-primary", "PersistentVolume/pv-sonarr-data-backup",
        "PersistentVolumeClaim/sonarr-data", "PersistentVolumeClaim/sonarr-data-backup",
        "ReplicationSource/sonarr-data-syncthing", "ReplicationSource/sonarr-data-backup-syncthing");
    Snippets.assertMatches("storage/VolumeEmitterTest-failover-pair-syncthing", yaml(unit));
  }

  @Test
  void rsyncSendsToTheDestinationServiceWithTheKeysTheDestinationMade() {
    Unit unit = emit(FAILOVER_PAIR.replace("via syncthing", "via rsync"), Kind.VOLUME, "sonarr-data");
    assertNames(unit, "PersistentVolume/pv-sonarr-data-primary", "PersistentVolume/pv-sonarr-data-backup",
        "PersistentVolumeClaim/sonarr-data", "PersistentVolumeClaim/sonarr-data-backup",
        "ReplicationDestination/sonarr-data-backup-rsync", "ReplicationSource/sonarr-data-rsync");
    Snippets.assertMatches("storage/VolumeEmitterTest-rsync",
        yaml(unit, "ReplicationDestination") + "---\n" + yaml(unit, "ReplicationSource"));
  }

  @Test
  void aProvisionedVolumeIsOneClaimWithItsClassAndAccessMode() {
    Unit unit = emit(CheckFixture.BASE + """
        volume shared { size 2Gi; access rwx; class "nfs-client"; backup none; namespace media }
        """, Kind.VOLUME, "shared");
    Snippets.assertMatches("storage/VolumeEmitterTest-provisioned-rwx-class", yaml(unit));
  }

  @Test
  void aVolumeWithoutClassOrNamespaceUsesTheDefaultClassInTheDefaultNamespace() {
    Unit unit = emit(CheckFixture.BASE + "volume scratch { size 1Gi; access rox; backup none }\n", Kind.VOLUME, "scratch");
    Snippets.assertMatches("storage/VolumeEmitterTest-default-class-and-namespace", yaml(unit));
  }

  @Test
  void aLocalVolumeKeepsTheClassItNames() {
    Unit unit = emit(CheckFixture.BASE + "volume cache { size 1Gi; local w2 at \"/srv/cache\"; class \"local-ssd\"; backup none }\n",
        Kind.VOLUME, "cache");
    assertNames(unit, "PersistentVolume/pv-cache-primary", "PersistentVolumeClaim/cache");
    assertEquals(2, yaml(unit).split("storageClassName: local-ssd\n", -1).length - 1);
  }

  @Test
  void aLonghornBackupPutsTheClaimInThePolicysRecurringJobGroup() {
    Unit unit = emit(CheckFixture.BASE + """
        use longhorn
        backup nas { schedule "0 2 * * *"; keep { daily: 7 }; target "nfs://192.168.1.21:/mnt/backups"; via longhorn }
        volume config { size 10Gi; class "longhorn"; replicas 2; backup nas }
        """, Kind.VOLUME, "config");
    Snippets.assertMatches("storage/VolumeEmitterTest-longhorn-recurring-job-group", yaml(unit));
  }

  @Test
  void theSameVolumeGivesTheSameBytes() {
    String text = FAILOVER_PAIR.replace("backup    none", "backup    none\n  restore   false");
    assertEquals(yaml(emit(text, Kind.VOLUME, "sonarr-data")), yaml(emit(text, Kind.VOLUME, "sonarr-data")));
  }
}
