package dev.clusterc.compiler.emit.network;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 *   ({@code access-key-id} and {@code secret-access-key} when it lists none).</li>
 * </ul>
 */
public final class IssuerEmitter implements Emitter {
  static final String PRODUCTION = "https://acme-v02.api.letsencrypt.org/directory";
  static final String STAGING = "https://acme-staging-v02.api.letsencrypt.org/directory";

  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    Map<String, Object> acme = new LinkedHashMap<>();
    decl.body().str("email").ifPresent(email -> acme.put("email", email));
    acme.put("server", decl.body().sym("server").orElse("production").equals("staging") ? STAGING : PRODUCTION);
    acme.put("privateKeySecretRef", Map.of("name", decl.name() + "-account-key"));
    decl.body().first("solver").map(solver -> solver(solver, context.program().model())).ifPresent(solver -> acme.put("solvers", List.of(solver)));
    unit.add(context.resource("cert-manager.io/v1", "ClusterIssuer", context.meta(decl, decl.name(), null), Map.of("acme", acme)));
  }

  private static Map<String, Object> solver(BoundEntry solver, ClusterModel model) {
    String provider = solver.sym("provider").orElse("cloudflare");
    Optional<Decl> token = solver.ref("token");
    String secret = token.map(Decl::name).orElse("");
    List<String> keys = token.map(t -> Secret.of(model, t).keys()).orElse(List.of());
    Map<String, Object> dns01 = new LinkedHashMap<>();
    if (provider.equals("route53")) {
      Map<String, Object> route53 = new LinkedHashMap<>();
      route53.put("accessKeyIDSecretRef", ref(secret, keys.stream().filter(k -> !isSecretKey(k)).findFirst().orElse("access-key-id")));
      route53.put("secretAccessKeySecretRef", ref(secret, keys.stream().filter(IssuerEmitter::isSecretKey).findFirst()
          .orElse("secret-access-key")));
      dns01.put("route53", route53);
    } else {
      dns01.put("cloudflare", Map.of("apiTokenSecretRef", ref(secret, keys.isEmpty() ? "api-token" : keys.get(0))));
    }
    return Map.of("dns01", dns01);
  }

  private static boolean isSecretKey(String key) {
    return key.toLowerCase(Locale.ROOT).contains("secret");
  }

  private static Map<String, Object> ref(String secret, String key) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("name", secret);
    ref.put("key", key);
    return ref;
  }
}
