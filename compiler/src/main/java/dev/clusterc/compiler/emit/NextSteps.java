package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.emit.flux.FluxSettings;
import dev.clusterc.compiler.emit.incluster.InClusterSettings;
import dev.clusterc.compiler.emit.incluster.RuntimeUnitEmitter;
import dev.clusterc.compiler.emit.storage.ResticRepository;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.emit.storage.SyncthingPeers;
import dev.clusterc.compiler.model.Node;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.Namespaces;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steps a compiled cluster still needs by hand, worked out from what the compiler knows: whether
 * Flux deploys the tree, which units carry SOPS files, which secrets the Flux objects name, and which
 * Talos patches were written. Commands use the tree's path in the repository, so they run from its root.
 */
final class NextSteps {
  /**
   * The file SOPS reads age keys from on Linux when nothing else is set: where most users keep theirs
   * ({@code $HOME}, since a shell does not expand {@code ~} inside {@code --from-file=KEY=PATH}).
   */
  static final String AGE_KEY_FILE = "$HOME/.config/sops/age/keys.txt";

  private NextSteps() {}

  /**
   * @param path the tree's directory in the repository
   * @param settings the cluster's {@code gitops flux} block, or {@code null} without one
   * @param talos the Talos patches: path under {@code PATH/talos/} → text
   */
  static List<NextStep> of(Program program, String path, FluxSettings settings, List<Unit> units, Map<String, String> talos) {
    List<NextStep> steps = new ArrayList<>();
    String cluster = program.cluster().map(Decl::name).orElse("");
    Optional<InClusterSettings> runtime = InClusterSettings.of(program);
    if (runtime.isPresent()) {
      steps.add(inClusterRuntime(runtime.get()));
    } else if (settings == null) {
      boolean charts = units.stream().map(Unit::decl)
          .anyMatch(d -> d != null && (d.kind() == Kind.COMPONENT || d.kind() == Kind.DNS));
      steps.add(new NextStep(NextStep.Kind.NO_DEPLOYER, "nothing in this tree deploys it"
          + (charts ? " (its charts are rendered into plain manifests)" : "") + ": apply each unit of " + path + " yourself, in this order, waiting for each to be ready"
          + " before the next (or write one stream in that order with `clusterc compile --layout flat -o -`), or add"
          + " `gitops flux { repository \"…\" }` to cluster " + cluster + " so that Flux applies the units in order"
          + sopsNote(units),
          units.stream().filter(u -> u.hasDirectory(false))
              .map(u -> "kubectl apply --server-side -k " + path + "/" + u.layer() + "/" + u.name()).toList()));
    }
    if (!talos.isEmpty()) {
      steps.add(talos(program, path, talos));
    }
    if (settings == null) {
      inCluster(program, steps);
      return steps;
    }
    steps.add(new NextStep(NextStep.Kind.BOOTSTRAP, "commit and push " + path + "/, then install Flux pointed at it"
        + " (or `flux bootstrap github`, `gitlab`, … with the same --path); bootstrap commits " + path + "/flux-system/:"
        + " pull, compile again so that " + path + "/kustomization.yaml lists it and Flux upgrades itself from Git,"
        + " then commit and push",
        List.of("flux bootstrap git --url=" + settings.url() + " --branch=" + settings.branch() + " --path=" + path)));
    String credentials = settings.credentialsSecret();
    if (credentials != null && !credentials.equals(FluxSettings.BOOTSTRAP_SECRET)) {
      steps.add(new NextStep(NextStep.Kind.GIT_CREDENTIALS, "create the Git credentials secret `" + credentials
          + "` that GitRepository " + cluster + " reads (over ssh:// this prints a public key to add to the repository"
          + " as a deploy key; over https:// add --username and --password)",
          List.of("flux create secret git " + credentials + " --namespace=" + FluxSettings.NAMESPACE + " --url=" + settings.url())));
    }
    List<String> sops = units.stream().filter(Unit::hasSops).map(Unit::name).toList();
    if (!sops.isEmpty()) {
      steps.add(new NextStep(NextStep.Kind.AGE_KEY, "give Flux the age key that decrypts the SOPS files of "
          + (sops.size() == 1 ? "unit " : sops.size() + " units (") + String.join(", ", sops) + (sops.size() == 1 ? "" : ")")
          + ": a secret `" + settings.decryptionSecret() + "` in " + FluxSettings.NAMESPACE
          + " whose key ends in .agekey (the private key stays out of Git)",
          List.of("kubectl create secret generic " + settings.decryptionSecret() + " --namespace=" + FluxSettings.NAMESPACE
              + " --from-file=age.agekey=" + AGE_KEY_FILE)));
    }
    inCluster(program, steps);
    return steps;
  }

  /**
   * {@code gitops clusterc}: the Git credentials' Secret, the sources committed, and one
   * {@code clusterc apply} from a machine with the rights the runtime gets; the runtime follows Git after that.
   */
  private static NextStep inClusterRuntime(InClusterSettings runtime) {
    List<String> commands = new ArrayList<>();
    commands.add("kubectl create namespace " + InClusterSettings.NAMESPACE);
    if ("token".equals(runtime.credentials())) {
      commands.add("kubectl create secret generic " + runtime.secret() + " --namespace=" + InClusterSettings.NAMESPACE
          + " --from-file=token=TOKEN_FILE");
    } else if ("ssh".equals(runtime.credentials())) {
      commands.add("kubectl create secret generic " + runtime.secret() + " --namespace=" + InClusterSettings.NAMESPACE
          + " --from-file=identity=KEY_FILE --from-file=known_hosts=KNOWN_HOSTS_FILE");
    }
    commands.add("clusterc apply " + (runtime.path().equals(".") ? "." : runtime.path()));
    return new NextStep(NextStep.Kind.IN_CLUSTER_RUNTIME, "clusterc deploys this cluster from inside it: commit and push the"
        + " sources to " + runtime.repository() + " (branch " + runtime.branch() + ", directory " + runtime.path() + ")"
        + (runtime.secret() == null ? "" : ", create the Git credentials Secret " + runtime.secret() + " in "
            + InClusterSettings.NAMESPACE)
        + ", then apply the cluster once from a machine with the rights its runtime gets (cluster-admin, say); its"
        + " runtime, unit " + RuntimeUnitEmitter.UNIT + ", follows the branch from"
        + " then on, and needs that apply again only when the sources start using a new kind or namespace", commands);
  }

  /** The steps taken in the running cluster, with or without Flux: restic keys, store credentials, then Syncthing pairs. */
  static void inCluster(Program program, List<NextStep> steps) {
    resticKeys(program).ifPresent(steps::add);
    for (StoreCredentials secret : StoreCredentials.of(program.model())) {
      steps.add(new NextStep(NextStep.Kind.STORE_CREDENTIALS, "create the Secret " + secret.name() + " in namespace "
          + secret.namespace() + " with the key" + (secret.keys().size() == 1 ? " " : "s ") + String.join(", ", secret.keys())
          + ": store " + secret.store() + " reads its credentials there, and no declaration puts it in the tree"
          + " (a store cannot read its own credentials); until then no external secret of it is read",
          List.of(secret.command())));
    }
    syncthing(program, steps);
  }

  /** One step per volume replicated via Syncthing: its pair must be told each other's device, once both run. */
  private static void syncthing(Program program, List<NextStep> steps) {
    for (SyncthingPeers pair : SyncthingPeers.of(program.model())) {
      steps.add(new NextStep(NextStep.Kind.SYNCTHING_PEERS, "pair the Syncthing replicas of volume " + pair.volume()
          + ": once ReplicationSources " + pair.primary() + " and " + pair.backup() + " in namespace " + pair.namespace()
          + " report a device ID (status.syncthing.ID), give each the other's ID and address as its peer;"
          + " until then nothing is replicated",
          pair.commands()));
    }
  }

  /**
   * The copy of restic passwords and storage keys from SOPS or sealed credentials secrets into the
   * repository Secrets VolSync reads ({@link ResticRepository}), one command per volume, in source order.
   */
  private static Optional<NextStep> resticKeys(Program program) {
    ClusterModel model = program.model();
    Namespaces namespaces = new Namespaces(model);
    List<String> commands = new ArrayList<>();
    List<String> volumes = new ArrayList<>();
    for (Decl decl : model.decls(Kind.VOLUME)) {
      Volume volume = Volume.of(model, decl);
      Backup backup = volume.backup() == null ? null : Backup.of(model, volume.backup());
      if (backup != null && backup.via() == Backup.Via.RESTIC && backup.target() != null
          && ResticRepository.needsCopy(model, backup)) {
        volumes.add(volume.name());
        commands.add(ResticRepository.copyCommand(volume, backup, namespaces.of(decl)));
      }
    }
    if (commands.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new NextStep(NextStep.Kind.RESTIC_KEYS, "once the units are applied, copy the restic password and"
        + " storage keys from the credentials secrets into the repository Secrets of " + String.join(", ", volumes)
        + " (VolSync's mover does not start without them; the values stay in the cluster)", commands));
  }

  /** Without Flux nothing decrypts SOPS files: the units that carry some are named (the flat stream says how). */
  private static String sopsNote(List<Unit> units) {
    List<String> sops = units.stream().filter(Unit::hasSops).map(Unit::name).toList();
    return sops.isEmpty() ? "" : "; units " + String.join(", ", sops) + " carry SOPS-encrypted Secrets, which nothing here"
        + " decrypts: decrypt each with `sops --decrypt` and apply it before its unit (`--layout flat -o -` names them)";
  }

  /** One {@code talosctl patch} per file, on the nodes its directory names (all control-plane nodes for {@code controller/}). */
  static NextStep talos(Program program, String path, Map<String, String> talos) {
    List<String> commands = new ArrayList<>();
    for (String file : talos.keySet()) {
      List<String> addresses = new ArrayList<>();
      for (Node node : Node.all(program.model())) {
        boolean on = file.startsWith("patches/controller/") ? node.isControlPlane()
            : file.startsWith("patches/nodes/" + node.decl().name() + "/");
        if (on && node.address() != null) {
          addresses.add(node.address().toString());
        }
      }
      commands.add("talosctl patch machineconfig --nodes " + (addresses.isEmpty() ? "NODE" : String.join(",", addresses))
          + " --patch @" + path + "/talos/" + file);
    }
    return new NextStep(NextStep.Kind.TALOS_PATCHES, "apply the Talos machine-config patches in " + path + "/talos/ to"
        + " the running nodes (a cluster not created yet takes them with `talosctl gen config --config-patch-control-plane`)",
        commands);
  }
}
