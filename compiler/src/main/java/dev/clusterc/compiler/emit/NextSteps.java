package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.emit.flux.FluxSettings;
import dev.clusterc.compiler.model.Node;
import dev.clusterc.compiler.program.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    if (settings == null) {
      steps.add(new NextStep(NextStep.Kind.NO_DEPLOYER, "nothing in this tree deploys it: add `gitops flux { repository \"…\" }`"
          + " to cluster " + cluster + " so that Flux applies the units in order, or apply each unit of " + path
          + " yourself with `kubectl apply -k`, in the order of `clusterc compile --layout flat`", List.of()));
    }
    if (!talos.isEmpty()) {
      steps.add(talos(program, path, talos));
    }
    if (settings == null) {
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
    return steps;
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
