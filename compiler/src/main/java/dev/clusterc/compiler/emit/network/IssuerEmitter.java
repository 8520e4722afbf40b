package dev.clusterc.compiler.emit.network;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.emit.secret.SecretEmitter;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Issuer;
import dev.clusterc.compiler.model.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code issuer}: a cert-manager {@code ClusterIssuer} (cert-manager.io/v1) for Let's Encrypt's ACME
 * server ({@code production} or {@code staging}), with the DNS-01 solver and its token Secret.
 *
 * <p>A ClusterIssuer reads Secrets from cert-manager's own namespace; {@link SecretEmitter} puts the
 * token there (the ExternalSecret, or the SOPS/sealed file travelling with this unit). The ACME
 * account key cert-manager generates is stored as {@code NAME-account-key}.
 *
 * <ul>
 *   <li>{@code cloudflare}: {@code apiTokenSecretRef} with the secret's first key ({@code api-token}
 *   when it lists none);</li>
 *   <li>{@code route53}: {@code accessKeyIDSecretRef} with the first key whose name has no
 *   {@code secret} in it and {@code secretAccessKeySecretRef} with the first that has
 *   ({@code access-key-id} and {@code secret-access-key} when it lists none);</li>
 *   <li>{@code webhook}: cert-manager's {@code webhook} solver, {@code groupName} and
 *   {@code solverName} as written, and {@code config} the written {@code config} map with
 *   {@code secretName} set to the token secret's name unless the map sets it itself. That is how
 *   the Hetzner webhook (and others built on the same example) finds its API key, in the
 *   namespace cert-manager resolves a ClusterIssuer's Secrets in, where the token is put.</li>
 * </ul>
 */
public final class IssuerEmitter implements Emitter {
  static final String PRODUCTION = "https://acme-v02.api.letsencrypt.org/directory";
  static final String STAGING = "https://acme-staging-v02.api.letsencrypt.org/directory";
  /** The key of a webhook's {@code config} that names the token Secret. */
  public static final String WEBHOOK_SECRET_NAME = "secretName";

  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    Issuer issuer = Issuer.of(context.program().model(), decl);
    KubeObject object = context.object(decl, "cert-manager.io/v1", "ClusterIssuer", decl.name(), null);
    object.put("spec", map("acme", map(
        "email", issuer.email(),
        "server", issuer.staging() ? STAGING : PRODUCTION,
        "privateKeySecretRef", map("name", decl.name() + "-account-key"),
        "solvers", issuer.solver() == null ? null : list(map("dns01", dns01(issuer.solver(), context.program().model()))))));
    unit.add(object);
  }

  private static Map<String, Object> dns01(Issuer.Solver solver, ClusterModel model) {
    String secret = solver.token() == null ? "" : solver.token().name();
    List<String> keys = solver.token() == null ? List.of() : Secret.of(model, solver.token()).keys();
    if (solver.webhook()) {
      Map<String, Object> config = new LinkedHashMap<>(solver.config());
      config.putIfAbsent(WEBHOOK_SECRET_NAME, secret);
      return map("webhook", map("groupName", solver.group(), "solverName", solver.solverName(), "config", config));
    }
    if (solver.route53()) {
      return map("route53", map(
          "accessKeyIDSecretRef", ref(secret, keys.stream().filter(k -> !isSecretKey(k)).findFirst().orElse("access-key-id")),
          "secretAccessKeySecretRef", ref(secret, keys.stream().filter(IssuerEmitter::isSecretKey).findFirst()
              .orElse("secret-access-key"))));
    }
    return map("cloudflare", map("apiTokenSecretRef", ref(secret, keys.isEmpty() ? "api-token" : keys.get(0))));
  }

  private static boolean isSecretKey(String key) {
    return key.toLowerCase(Locale.ROOT).contains("secret");
  }

  private static Map<String, Object> ref(String secret, String key) {
    return map("name", secret, "key", key);
  }
}
