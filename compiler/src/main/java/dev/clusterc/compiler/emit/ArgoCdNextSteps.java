package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.emit.argocd.ArgoCdObjects;
import dev.clusterc.compiler.emit.argocd.ArgoCdSettings;
import dev.clusterc.compiler.emit.argocd.HealthPatch;
import dev.clusterc.compiler.program.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The steps a {@code gitops argocd} cluster still needs by hand: installing Argo CD (the version
 * whose Application schema the tests validate against), giving it a health check for Applications
 * so that it waits for each sync wave, the repository's credentials, and applying the root
 * Application once. Commands run from the root of the Git repository.
 */
final class ArgoCdNextSteps {
  /** The Argo CD release whose Application CRD the compiled Applications are validated against. */
  static final String VERSION = "v3.5.8";

  private ArgoCdNextSteps() {}

  static List<NextStep> of(Program program, String path, ArgoCdObjects argocd, Map<String, String> talos) {
    ArgoCdSettings settings = argocd.settings();
    String namespace = settings.namespace();
    List<NextStep> steps = new ArrayList<>();
    if (!talos.isEmpty()) {
      steps.add(NextSteps.talos(program, path, talos));
    }
    steps.add(new NextStep(NextStep.Kind.ARGOCD_INSTALL, "install Argo CD " + VERSION + " into namespace " + namespace
        + (namespace.equals("argocd") ? "" : " (its install manifest binds its service accounts in namespace argocd:"
            + " change those subjects to " + namespace + ")"),
        List.of("kubectl create namespace " + namespace,
            "kubectl apply --server-side --namespace=" + namespace
                + " -f https://raw.githubusercontent.com/argoproj/argo-cd/" + VERSION + "/manifests/install.yaml")));
    steps.add(new NextStep(NextStep.Kind.ARGOCD_HEALTH, "give Argo CD a health check for Applications, so that the root"
        + " Application waits for each sync wave to be healthy before the next (Argo CD has none since 1.8, and would"
        + " start every unit at once)",
        List.of("kubectl patch configmap argocd-cm --namespace=" + namespace + " --type=merge --patch-file="
            + path + "/" + HealthPatch.FILE)));
    String url = settings.url();
    boolean ssh = url.startsWith("ssh://") || !url.contains("://");
    steps.add(new NextStep(NextStep.Kind.GIT_CREDENTIALS, ssh
        ? "give Argo CD a key for " + url + " (add its public half to the repository as a read-only deploy key)"
        : "if " + url + " is private, give Argo CD its credentials (a token with read access as the password)",
        List.of(ssh ? "argocd repo add " + url + " --ssh-private-key-path $HOME/.ssh/id_ed25519"
            : "argocd repo add " + url + " --username USER --password TOKEN")));
    steps.add(new NextStep(NextStep.Kind.ARGOCD_ROOT, "commit and push " + path + "/, then apply the root Application "
        + settings.rootName() + " once: it syncs the " + argocd.applications().size() + " Applications of "
        + path + "/" + ArgoCdSettings.APPS_DIR + "/ wave by wave, and everything after is read from Git",
        List.of("kubectl apply --namespace=" + namespace + " -f " + path + "/" + ArgoCdSettings.ROOT_FILE)));
    NextSteps.inCluster(program, steps);
    return steps;
  }
}
