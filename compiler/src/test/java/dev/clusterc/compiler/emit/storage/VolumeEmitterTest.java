package dev.clusterc.compiler.emit.storage;

import static dev.clusterc.compiler.emit.VolumeTestSupport.assertNames;
import static dev.clusterc.compiler.emit.VolumeTestSupport.emit;
import static dev.clusterc.compiler.emit.VolumeTestSupport.meta;
import static dev.clusterc.compiler.emit.VolumeTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.emit.core.Unit;
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

  private static String failoverMeta(String name, String namespace, int line) {
    return "metadata:\n"
        + "  annotations:\n"
        + "    clusterc.dev/source: test.cluster:" + line + "\n"
        + "  labels:\n"
        + "    app.kubernetes.io/managed-by: clusterc\n"
        + "    app.kubernetes.io/name: sonarr-data\n"
        + "    app.kubernetes.io/part-of: failover-pair\n"
        + "  name: " + name + "\n"
        + (namespace == null ? "" : "  namespace: " + namespace + "\n");
  }

  private static String localVolume(String name, String claim, String node, int line) {
    return "apiVersion: v1\n"
        + "kind: PersistentVolume\n"
        + failoverMeta(name, null, line)
        + """
        spec:
          accessModes:
            - ReadWriteOnce
          capacity:
            storage: 10Gi
          claimRef:
            name: %s
            namespace: sonarr
          local:
            path: /data/pods/sonarr
          nodeAffinity:
            required:
              nodeSelectorTerms:
                - matchExpressions:
                    - key: kubernetes.io/hostname
                      operator: In
                      values:
                        - %s
          persistentVolumeReclaimPolicy: Retain
          storageClassName: local-static
          volumeMode: Filesystem
        """.formatted(claim, node);
  }

  private static String localClaim(String name, String volume, int line) {
    return "apiVersion: v1\n"
        + "kind: PersistentVolumeClaim\n"
        + failoverMeta(name, "sonarr", line)
        + """
        spec:
          accessModes:
            - ReadWriteOnce
          resources:
            requests:
              storage: 10Gi
          storageClassName: local-static
          volumeName: %s
        """.formatted(volume);
  }

  private static String syncthing(String name, String claim, String peer) {
    return "apiVersion: volsync.backube/v1alpha1\n"
        + "kind: ReplicationSource\n"
        + failoverMeta(name, "sonarr", 16).replace("    clusterc.dev/source: test.cluster:16\n",
            "    clusterc.dev/source: test.cluster:16\n    clusterc.dev/syncthing-peer: " + peer + "\n"
                + "    kustomize.toolkit.fluxcd.io/ssa: Merge\n")
        + """
        spec:
          sourcePVC: %s
          syncthing:
            serviceType: ClusterIP
        """.formatted(claim);
  }

  @Test
  void theSecondNormativeExampleIsAPinnedPairOfStaticVolumesKeptInSyncBySyncthing() {
    Unit unit = emit(FAILOVER_PAIR, Kind.VOLUME, "sonarr-data");
    assertNames(unit, "PersistentVolume/pv-sonarr-data-primary", "PersistentVolume/pv-sonarr-data-backup",
        "PersistentVolumeClaim/sonarr-data", "PersistentVolumeClaim/sonarr-data-backup",
        "ReplicationSource/sonarr-data-syncthing", "ReplicationSource/sonarr-data-backup-syncthing");
    assertEquals(String.join("---\n",
            localVolume("pv-sonarr-data-primary", "sonarr-data", "k3s-w1", 15),
            localVolume("pv-sonarr-data-backup", "sonarr-data-backup", "k3s-w2", 16),
            localClaim("sonarr-data", "pv-sonarr-data-primary", 13),
            localClaim("sonarr-data-backup", "pv-sonarr-data-backup", 16),
            syncthing("sonarr-data-syncthing", "sonarr-data", "sonarr-data-backup-syncthing"),
            syncthing("sonarr-data-backup-syncthing", "sonarr-data-backup", "sonarr-data-syncthing")),
        yaml(unit));
  }

  @Test
  void rsyncSendsToTheDestinationServiceWithTheKeysTheDestinationMade() {
    Unit unit = emit(FAILOVER_PAIR.replace("via syncthing", "via rsync"), Kind.VOLUME, "sonarr-data");
    assertNames(unit, "PersistentVolume/pv-sonarr-data-primary", "PersistentVolume/pv-sonarr-data-backup",
        "PersistentVolumeClaim/sonarr-data", "PersistentVolumeClaim/sonarr-data-backup",
        "ReplicationDestination/sonarr-data-backup-rsync", "ReplicationSource/sonarr-data-rsync");
    assertEquals("apiVersion: volsync.backube/v1alpha1\n"
        + "kind: ReplicationDestination\n"
        + failoverMeta("sonarr-data-backup-rsync", "sonarr", 16)
        + """
        spec:
          rsync:
            copyMethod: Direct
            destinationPVC: sonarr-data-backup
            serviceType: ClusterIP
        ---
        apiVersion: volsync.backube/v1alpha1
        kind: ReplicationSource
        """
        + failoverMeta("sonarr-data-rsync", "sonarr", 16)
        + """
        spec:
          rsync:
            address: volsync-rsync-dst-sonarr-data-backup-rsync.sonarr.svc
            copyMethod: Direct
            sshKeys: volsync-rsync-dst-src-sonarr-data-backup-rsync
          sourcePVC: sonarr-data
          trigger:
            schedule: '*/5 * * * *'
        """, yaml(unit, "ReplicationDestination") + "---\n" + yaml(unit, "ReplicationSource"));
  }

  @Test
  void aProvisionedVolumeIsOneClaimWithItsClassAndAccessMode() {
    Unit unit = emit(CheckFixture.BASE + """
        volume shared { size 2Gi; access rwx; class "nfs-client"; backup none; namespace media }
        """, Kind.VOLUME, "shared");
    assertEquals("apiVersion: v1\n"
        + "kind: PersistentVolumeClaim\n"
        + meta("shared", "media", "shared", 8)
        + """
        spec:
          accessModes:
            - ReadWriteMany
          resources:
            requests:
              storage: 2Gi
          storageClassName: nfs-client
        """, yaml(unit));
  }

  @Test
  void aVolumeWithoutClassOrNamespaceUsesTheDefaultClassInTheDefaultNamespace() {
    Unit unit = emit(CheckFixture.BASE + "volume scratch { size 1Gi; access rox; backup none }\n", Kind.VOLUME, "scratch");
    assertEquals("apiVersion: v1\n"
        + "kind: PersistentVolumeClaim\n"
        + meta("scratch", "default", "scratch", 8)
        + """
        spec:
          accessModes:
            - ReadOnlyMany
          resources:
            requests:
              storage: 1Gi
        """, yaml(unit));
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
    assertEquals("apiVersion: v1\n"
        + "kind: PersistentVolumeClaim\n"
        + meta("config", "default", "config", 10).replace("  name: config\n",
            "    recurring-job-group.longhorn.io/nas: enabled\n    recurring-job.longhorn.io/source: enabled\n  name: config\n")
        + """
        spec:
          accessModes:
            - ReadWriteOnce
          resources:
            requests:
              storage: 10Gi
          storageClassName: longhorn
        """, yaml(unit));
  }

  @Test
  void theSameVolumeGivesTheSameBytes() {
    String text = FAILOVER_PAIR.replace("backup    none", "backup    none\n  restore   false");
    assertEquals(yaml(emit(text, Kind.VOLUME, "sonarr-data")), yaml(emit(text, Kind.VOLUME, "sonarr-data")));
  }
}
