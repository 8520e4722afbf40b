package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.emit.core.ChartRenderer;
import dev.clusterc.compiler.program.Program;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code compile} tells a user to do by hand, worked out from the cluster. */
class NextStepsTest {
  private static final String NODES = """
      node cp1 { role control-plane; address 10.0.0.2 }
      node cp2 { role control-plane; address 10.0.0.3 }
      node cp3 { role control-plane; address 10.0.0.4 }
      node w1 { role worker; address 10.0.0.11 }
      """;

  private static final String SOPS = """
      use volsync
      secret r2 { sops "r2.sops.yaml"; keys ["access-key-id", "secret-access-key", "restic-password"] }
      backup nightly { schedule "0 3 * * *"; keep { daily: 7 }; target "s3://backups/lab"; credentials r2 }
      volume data { size 1Gi; class "local-path"; backup nightly }
      app web { image "nginx:1.27"; mount data at "/data" }
      """;

  private static Compilation compile(String gitops, String more) {
    String text = "cluster lab {\n  domain \"lab.example\"\n  network { nodes 10.0.0.0/24; router 10.0.0.1 }\n"
        + (gitops == null ? "" : "  gitops flux { " + gitops + " }\n") + "}\n" + NODES + more;
    Program program = AppTestSupport.clean(text);
    // Charts of a cluster without gitops are rendered at compile time; the steps do not depend on them.
    return ManifestCompiler.compile(program, ChartRenderer.OFFLINE);
  }

  private static List<NextStep.Kind> kinds(List<NextStep> steps) {
    return steps.stream().map(NextStep::kind).toList();
  }

  @Test
  void aPublicRepositoryWithoutSecretsOnlyNeedsBootstrap() {
    Compilation compilation = compile("repository \"https://git.example/lab\"; branch \"prod\"", "app web { image \"nginx:1.27\" }\n");
    assertEquals(List.of(NextStep.Kind.BOOTSTRAP), kinds(compilation.nextSteps()));
    assertEquals(List.of("flux bootstrap git --url=https://git.example/lab --branch=prod --path=clusters/lab"),
        compilation.nextSteps().get(0).commands());
    assertEquals(List.of(), compilation.nextSteps(true), "once bootstrap has written flux-system/, nothing is left");
  }

  @Test
  void sopsFilesNeedTheAgeKeyUnderTheDecryptionName() {
    Compilation compilation = compile("repository \"https://git.example/lab\"; decryption \"age\"", SOPS);
    NextStep key = compilation.nextSteps(true).get(0);
    assertEquals(NextStep.Kind.AGE_KEY, key.kind());
    assertEquals(List.of("kubectl create secret generic age --namespace=flux-system"
        + " --from-file=age.agekey=$HOME/.config/sops/age/keys.txt"), key.commands());
    assertEquals(true, key.what().contains("unit nightly:"), key.what());
  }

  @Test
  void resticKeysInASopsFileAreCopiedIntoTheRepositorySecretInTheCluster() {
    Compilation compilation = compile("repository \"https://git.example/lab\"", SOPS);
    assertEquals(List.of(NextStep.Kind.BOOTSTRAP, NextStep.Kind.AGE_KEY, NextStep.Kind.RESTIC_KEYS), kinds(compilation.nextSteps()));
    NextStep copy = compilation.nextSteps().get(2);
    assertEquals(List.of("kubectl --namespace=web patch secret data-restic-repository --type=merge"
        + " --patch=\"$(kubectl --namespace=web get secret r2 --output=go-template='{\"data\":{"
        + "\"RESTIC_PASSWORD\":\"{{index .data \"restic-password\"}}\","
        + "\"AWS_ACCESS_KEY_ID\":\"{{index .data \"access-key-id\"}}\","
        + "\"AWS_SECRET_ACCESS_KEY\":\"{{index .data \"secret-access-key\"}}\"}}')\""), copy.commands());
    assertEquals(true, copy.what().contains("repository Secrets of data "), copy.what());
    String sealed = SOPS.replace("sops \"r2.sops.yaml\"", "sealed \"r2.sealed.yaml\"").replace("use volsync", "use volsync\nuse sealed-secrets");
    assertEquals(List.of(NextStep.Kind.NO_DEPLOYER, NextStep.Kind.RESTIC_KEYS), kinds(compile(null, sealed).nextSteps()),
        "without Flux (and so with a sealed secret: nothing would decrypt a SOPS file) the copy is still a step");
  }

  @Test
  void resticKeysFromAnExternalStoreNeedNoStep() {
    String external = SOPS.replace("use volsync", "use volsync\nuse external-secrets\n"
        + "store vault { via vault; config { server: \"https://vault.example.org\", path: \"kv\", version: \"v2\" } }")
        .replace("sops \"r2.sops.yaml\"", "external vault key \"r2\"");
    assertEquals(List.of(NextStep.Kind.BOOTSTRAP), kinds(compile("repository \"https://git.example/lab\"", external).nextSteps()));
  }

  @Test
  void credentialsOtherThanBootstrapsAreCreatedByHand() {
    assertEquals(List.of(NextStep.Kind.BOOTSTRAP),
        kinds(compile("repository \"ssh://git@git.example/lab\"; secret \"flux-system\"", "").nextSteps()));
    Compilation own = compile("repository \"ssh://git@git.example/lab\"; secret \"lab-git\"", "");
    assertEquals(List.of(NextStep.Kind.BOOTSTRAP, NextStep.Kind.GIT_CREDENTIALS), kinds(own.nextSteps()));
    assertEquals(List.of("flux create secret git lab-git --namespace=flux-system --url=ssh://git@git.example/lab"),
        own.nextSteps().get(1).commands());
  }

  @Test
  void talosPatchesGoToTheNodesTheyAreFor() {
    Compilation compilation = compile("repository \"https://git.example/lab\"; path \"k8s\"",
        "vip api { address 10.0.0.50; via talos }\nvip edge { address 10.0.0.51; on [cp2, w1]; via talos }\n");
    NextStep talos = compilation.nextSteps().get(0);
    assertEquals(NextStep.Kind.TALOS_PATCHES, talos.kind());
    assertEquals(List.of(
        "talosctl patch machineconfig --nodes 10.0.0.2,10.0.0.3,10.0.0.4 --patch @k8s/talos/patches/controller/vip-api.yaml",
        "talosctl patch machineconfig --nodes 10.0.0.3 --patch @k8s/talos/patches/nodes/cp2/vip-edge.yaml",
        "talosctl patch machineconfig --nodes 10.0.0.11 --patch @k8s/talos/patches/nodes/w1/vip-edge.yaml"),
        talos.commands());
  }

  @Test
  void withoutGitopsEachUnitIsAppliedByHandInApplyOrder() {
    Compilation compilation = compile(null, "volume data { size 1Gi; class \"local-path\"; backup none }\n"
        + "app web { image \"nginx:1.27\"; mount data at \"/data\" }\n");
    assertEquals(List.of(NextStep.Kind.NO_DEPLOYER), kinds(compilation.nextSteps()));
    assertEquals("clusters/lab", compilation.path());
    assertEquals(List.of("kubectl apply --server-side -k clusters/lab/crds/cluster",
        "kubectl apply --server-side -k clusters/lab/storage/data",
        "kubectl apply --server-side -k clusters/lab/apps/web"), compilation.nextSteps().get(0).commands());
  }

  private static final String SYNCTHING = """
      use volsync
      volume media { size 1Gi; namespace media; local w1 at "/data/media"; replicate to cp2 via syncthing; backup none }
      """;

  @Test
  void syncthingReplicasArePairedByHandWithTheCommandsThatDoIt() {
    Compilation compilation = compile("repository \"https://git.example/lab\"", SYNCTHING);
    assertEquals(List.of(NextStep.Kind.BOOTSTRAP, NextStep.Kind.SYNCTHING_PEERS), kinds(compilation.nextSteps()));
    NextStep step = compilation.nextSteps().get(1);
    assertEquals(List.of(
        "MEDIA_SYNCTHING_ID=$(kubectl get replicationsource media-syncthing --namespace=media -o jsonpath='{.status.syncthing.ID}')",
        "MEDIA_SYNCTHING_ADDRESS=$(kubectl get replicationsource media-syncthing --namespace=media -o jsonpath='{.status.syncthing.address}')",
        "MEDIA_BACKUP_SYNCTHING_ID=$(kubectl get replicationsource media-backup-syncthing --namespace=media -o jsonpath='{.status.syncthing.ID}')",
        "MEDIA_BACKUP_SYNCTHING_ADDRESS=$(kubectl get replicationsource media-backup-syncthing --namespace=media -o jsonpath='{.status.syncthing.address}')",
        "kubectl patch replicationsource media-syncthing --namespace=media --type=merge -p \"{\\\"spec\\\":{\\\"syncthing\\\":{\\\"peers\\\":[{\\\"ID\\\":\\\"$MEDIA_BACKUP_SYNCTHING_ID\\\",\\\"address\\\":\\\"$MEDIA_BACKUP_SYNCTHING_ADDRESS\\\",\\\"introducer\\\":false}]}}}\"",
        "kubectl patch replicationsource media-backup-syncthing --namespace=media --type=merge -p \"{\\\"spec\\\":{\\\"syncthing\\\":{\\\"peers\\\":[{\\\"ID\\\":\\\"$MEDIA_SYNCTHING_ID\\\",\\\"address\\\":\\\"$MEDIA_SYNCTHING_ADDRESS\\\",\\\"introducer\\\":false}]}}}\""),
        step.commands());
    assertEquals(List.of(NextStep.Kind.NO_DEPLOYER, NextStep.Kind.SYNCTHING_PEERS), kinds(compile(null, SYNCTHING).nextSteps()),
        "without Flux the pairing is still by hand");
  }

  /**
   * The commands run in bash, with {@code kubectl} a shell function that answers {@code get} with a
   * made-up device of the source it is asked about and prints what {@code patch} would send: each
   * patch is JSON that sets the other source's ID and address, with every field VolSync's
   * {@code spec.syncthing.peers[]} requires ({@code ID}, {@code address}, {@code introducer}).
   */
  @Test
  void thePairingCommandsAreValidShellAndPatchEachSourceWithTheOther() throws Exception {
    List<String> commands = compile("repository \"https://git.example/lab\"", SYNCTHING).nextSteps().get(1).commands();
    String script = "kubectl() { if [ \"$1\" = get ]; then echo \"dev-$3\"; else echo \"$3 $7\"; fi; }\n"
        + String.join("\n", commands) + "\n";
    Process bash = new ProcessBuilder("bash", "-euc", script).redirectErrorStream(true).start();
    String out = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, bash.waitFor(), out);
    assertEquals("""
        media-syncthing {"spec":{"syncthing":{"peers":[{"ID":"dev-media-backup-syncthing","address":"dev-media-backup-syncthing","introducer":false}]}}}
        media-backup-syncthing {"spec":{"syncthing":{"peers":[{"ID":"dev-media-syncthing","address":"dev-media-syncthing","introducer":false}]}}}
        """, out);
  }

  @Test
  void aStoresOwnCredentialsSecretIsCreatedByHandUnlessDeclared() {
    String store = """
        use external-secrets
        store kv {
          via azure-keyvault
          config {
            vaultUrl: "https://kv.vault.azure.net",
            authSecretRef: {
              clientId: { name: "azure-sp", namespace: "external-secrets", key: "client-id" },
              clientSecret: { name: "azure-sp", namespace: "external-secrets", key: "client-secret" },
            },
          }
        }
        """;
    List<NextStep> steps = compile("repository \"https://git.example/lab\"", store).nextSteps();
    assertEquals(List.of(NextStep.Kind.BOOTSTRAP, NextStep.Kind.STORE_CREDENTIALS), kinds(steps));
    assertEquals(List.of("kubectl create secret generic azure-sp --namespace=external-secrets"
        + " --from-literal=client-id=… --from-literal=client-secret=…"), steps.get(1).commands());
    assertEquals("create the Secret azure-sp in namespace external-secrets with the keys client-id, client-secret: store kv"
        + " reads its credentials there, and no declaration puts it in the tree (a store cannot read its own credentials);"
        + " until then no external secret of it is read", steps.get(1).what());
  }
}
