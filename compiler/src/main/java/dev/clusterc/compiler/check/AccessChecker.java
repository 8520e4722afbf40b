package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppAccess;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The rules of an app's {@code access} block, which become a Role or ClusterRole. The API server
 * takes any word as a verb or resource and simply never matches a misspelt one, so the app fails
 * at run time with "forbidden"; here:
 *
 * <ul>
 *   <li>every verb is one the API server authorizes on resources ({@link #VERBS}) or {@code "*"},
 *       with a did-you-mean fix for a typo ({@code invalid-value});</li>
 *   <li>a rule names at least one verb and one resource; a resource is lower-case
 *       ({@code deployments}, {@code deployments/scale}, {@code "*"}), with a fix for one in
 *       another case ({@code invalid-value});</li>
 *   <li>{@code access namespace} (a Role) cannot grant a core cluster-scoped resource such as
 *       {@code nodes}: such a rule never matches, so it is {@code invalid-value} with the hint to
 *       use {@code access cluster}.</li>
 *   <li>{@code access cluster} names its ClusterRole and ClusterRoleBinding after the app, so an
 *       app named like a ClusterRole Kubernetes ships ({@code cluster-admin}, {@code admin},
 *       {@code edit}, {@code view}, any {@code system…}) would overwrite that role, which the API
 *       server keeps for itself and others bind to; such a name is {@code invalid-value}.</li>
 * </ul>
 */
public final class AccessChecker implements Checker {
  /** The verbs Kubernetes authorizes on resource requests. */
  static final List<String> VERBS = List.of("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection");

  /** Built-in cluster-scoped resources, which a Role cannot grant. */
  private static final Set<String> CLUSTER_SCOPED = Set.of("nodes", "namespaces", "persistentvolumes", "storageclasses",
      "clusterroles", "clusterrolebindings", "customresourcedefinitions", "priorityclasses", "ingressclasses",
      "volumeattachments", "csinodes", "csidrivers", "apiservices", "mutatingwebhookconfigurations",
      "validatingwebhookconfigurations", "certificatesigningrequests", "runtimeclasses");

  /** The ClusterRoles the API server creates (besides every {@code system…} one). */
  static final Set<String> BUILT_IN_CLUSTER_ROLES = Set.of("cluster-admin", "admin", "edit", "view");

  private static final Pattern RESOURCE = Pattern.compile("\\*|[a-z0-9][a-z0-9.-]*(/[a-z0-9*][a-z0-9.-]*)?");

  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.APP, reportAll, (decl, exempt, report) -> {
      AppAccess access = App.of(program.model(), decl).access();
      if (access == null) {
        return;
      }
      if (access.cluster() && isBuiltInClusterRole(decl.name())) {
        report.accept(Diagnostic.error(Code.INVALID_VALUE, access.span(), decl.label() + " has `access cluster`, whose "
                + "ClusterRole is named `" + decl.name() + "` after the app and would replace the built-in ClusterRole of that name")
            .withHint("rename the app, or write `access namespace` if its rules hold in its own namespace"));
      }
      for (AppAccess.Rule rule : access.rules()) {
        verbs(decl, rule, report);
        resources(decl, access, rule, report);
      }
    });
  }

  /** Whether a ClusterRole of this name is one the API server creates and reconciles. */
  static boolean isBuiltInClusterRole(String name) {
    return BUILT_IN_CLUSTER_ROLES.contains(name) || name.startsWith("system");
  }

  private static void verbs(Decl decl, AppAccess.Rule rule, Consumer<Diagnostic> report) {
    if (rule.verbs().isEmpty()) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, rule.span(), "a rule of " + decl.label() + " grants no verb")
          .withHint("the verbs are " + String.join(", ", VERBS) + " and \"*\""));
    }
    for (Typed verb : rule.verbs()) {
      String text = AppAccess.text(verb);
      if (!text.equals("*") && !VERBS.contains(text)) {
        report.accept(Diagnostic.error(Code.INVALID_VALUE, verb.span(), "`" + text + "` is not a Kubernetes verb")
            .withSuggestion(text, VERBS, "the verbs are " + String.join(", ", VERBS) + " and \"*\" (every verb)"));
      }
    }
  }

  private static void resources(Decl decl, AppAccess access, AppAccess.Rule rule, Consumer<Diagnostic> report) {
    if (rule.resources().isEmpty()) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, rule.span(), "a rule of " + decl.label() + " names no resource")
          .withHint("name resources as the API does, plural and lower-case: `on [\"deployments\"]`"));
    }
    for (Typed.Str resource : rule.resources()) {
      String text = resource.value();
      if (!RESOURCE.matcher(text).matches()) {
        String lower = text.toLowerCase(Locale.ROOT);
        Diagnostic diagnostic = Diagnostic.error(Code.INVALID_VALUE, resource.span(), "`" + text + "` is not a resource name")
            .withHint("resources are named as the API names them, plural and lower-case, such as `deployments` or `pods/log`");
        report.accept(RESOURCE.matcher(lower).matches() ? diagnostic.withSuggestion(text, List.of(lower), null) : diagnostic);
      } else if (!access.cluster() && rule.apiGroups().contains("") && CLUSTER_SCOPED.contains(text)) {
        report.accept(Diagnostic.error(Code.INVALID_VALUE, resource.span(), "`" + text + "` is cluster-scoped, and "
                + decl.label() + " has `access namespace`, whose Role cannot grant it")
            .withHint("write `access cluster` to grant it through a ClusterRole"));
      }
    }
  }
}
