package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code issuer}, lowered: the ACME account's email, the server ({@code production} by the schema's
 * default, or {@code staging}) and the DNS-01 solver.
 *
 * @param email the account's email, or {@code null}
 * @param server {@code production} or {@code staging}
 * @param solver the solver, or {@code null} when missing (already reported)
 */
public record Issuer(Decl decl, String email, String server, Solver solver) {
  public static final String STAGING = "staging";

  /**
   * {@code solver dns01 PROVIDER token SECRET}, or for a cert-manager webhook solver
   * {@code solver dns01 webhook group G name N token SECRET [config {…}]}.
   *
   * @param provider {@code cloudflare}, {@code route53} or {@code webhook}; {@code null} when rejected (already reported)
   * @param token the secret holding the provider's credentials, or {@code null} when unresolved
   * @param span the whole entry
   * @param group the webhook's API group ({@code acme.hetzner.com}), or {@code null}
   * @param solverName the webhook's solver name ({@code hetzner}), or {@code null}
   * @param config the webhook's configuration as written, in source order; empty when not given
   */
  public record Solver(String provider, Decl token, SourceSpan span, String group, String solverName,
      Map<String, Object> config) {
    public static final String WEBHOOK = "webhook";

    public boolean route53() {
      return "route53".equals(provider);
    }

    public boolean webhook() {
      return WEBHOOK.equals(provider);
    }
  }

  public static Issuer of(ClusterModel model, Decl decl) {
    return model.lowered(decl, Issuer.class, Issuer::lower);
  }

  public boolean staging() {
    return STAGING.equals(server);
  }

  private static Issuer lower(Decl decl) {
    Solver solver = decl.body().first("solver").map(Issuer::solver).orElse(null);
    return new Issuer(decl, decl.body().str("email").orElse(null), decl.body().sym("server").orElse(null), solver);
  }

  @SuppressWarnings("unchecked")
  private static Solver solver(BoundEntry entry) {
    Map<String, Object> config = entry.get("config").filter(Typed.Entries.class::isInstance)
        .map(t -> (Map<String, Object>) t.plain()).orElseGet(LinkedHashMap::new);
    return new Solver(entry.sym("provider").orElse(null), entry.ref("token").orElse(null), entry.entry().span(),
        entry.str("group").orElse(null), entry.str("solver").orElse(null), config);
  }
}
