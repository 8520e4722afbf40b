package dev.clusterc.compiler.check;

import java.util.List;

/** Every checker, run in this order over a bound program. */
public final class Checkers {
  private Checkers() {}

  public static List<Checker> all() {
    return List.of(
        new ProviderChecker(),
        new DatabaseNamespaceChecker(),
        new LayeringChecker(),
        new CycleChecker(),
        new HostnameChecker(),
        new RouteChecker(),
        new PortChecker(),
        new ListenerChecker(),
        new PublicPlaintextChecker(),
        new VolumeSharingChecker(),
        new LocalVolumeChecker(),
        new BackupCoverageChecker(),
        new RetentionChecker(),
        new SecretValueChecker(),
        new ImageChecker(),
        new QuorumChecker(),
        new AddressPlanChecker(),
        new AddressConflictChecker(),
        new CidrChecker(),
        new PoolChecker(),
        new ReplicasChecker(),
        new SharedServiceAddressChecker(),
        new BackupScheduleChecker(),
        new BackupTargetChecker(),
        new LonghornBackupChecker(),
        new VeleroBackupChecker(),
        new BackupCredentialsChecker(),
        new DatabaseArchiveChecker(),
        new SecretSourceChecker(),
        new UnreadSecretChecker(),
        new PoolRangeChecker(),
        new GatewayListenersChecker(),
        new PortRangeChecker(),
        new PortNameChecker(),
        new EnvPrefixChecker(),
        new ResourceQuantityChecker(),
        new MinimumCountChecker(),
        new SizeChecker(),
        new PostgresVersionChecker(),
        new GitOpsChecker(),
        new NameRulesChecker(),
        new ConfigChecker(),
        new AccessChecker(),
        new DriftIgnoreChecker(),
        new CiliumApiServerChecker(),
        new SolverChecker(),
        new PlainSecretChecker(),
        new SopsDecryptionChecker());
  }
}
