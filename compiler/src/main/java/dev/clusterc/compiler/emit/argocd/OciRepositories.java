package dev.clusterc.compiler.emit.argocd;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.emit.core.ChartRelease;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Argo CD reads a chart from an OCI registry only through a Helm repository declared with OCI
 * enabled, named in the Application by registry and path without the {@code oci://} scheme: one
 * declaration per registry path the units' charts use, a Secret labelled as an Argo CD repository in
 * Argo CD's namespace. It holds no credentials (public registries need none), so it is safe in Git;
 * it is synced in wave -1, before every Application that pulls from it.
 */
final class OciRepositories {
  static final String SECRET_TYPE_LABEL = "argocd.argoproj.io/secret-type";
  private static final String SCHEME = "oci://";

  private OciRepositories() {}

  /** The repoURL Argo CD expects: an OCI registry without its scheme, any other repository as it is. */
  static String repoUrl(String repository) {
    return repository.startsWith(SCHEME) ? repository.substring(SCHEME.length()) : repository;
  }

  static List<KubeObject> of(EmitContext context, List<Unit> units, ArgoCdSettings settings) {
    Map<String, ChartRelease> registries = new TreeMap<>();
    for (Unit unit : units) {
      for (ChartRelease release : unit.releases()) {
        if (release.oci()) {
          registries.putIfAbsent(repoUrl(release.repository()), release);
        }
      }
    }
    List<KubeObject> secrets = new ArrayList<>();
    for (Map.Entry<String, ChartRelease> registry : registries.entrySet()) {
      String name = name(registry.getKey());
      KubeObject secret = context.object(registry.getValue().source(), "v1", "Secret", name, settings.namespace());
      secret.labels().put(SECRET_TYPE_LABEL, "repository");
      secret.annotations().put(SyncWaves.ANNOTATION, "-1");
      secret.put("type", "Opaque");
      secret.put("stringData", map("name", name, "type", "helm", "url", registry.getKey(), "enableOCI", "true"));
      secrets.add(secret);
    }
    return secrets;
  }

  /** {@code oci-} and the registry path as a Kubernetes name: lower case, other characters as {@code -}, at most 63. */
  static String name(String registry) {
    String name = ("oci-" + registry.toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9-]+", "-").replaceAll("-+", "-");
    if (name.length() > 63) {
      name = name.substring(0, 63);
    }
    return name.replaceAll("-+$", "");
  }
}
