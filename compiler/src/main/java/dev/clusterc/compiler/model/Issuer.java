package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.source.SourceSpan;

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
   * {@code solver dns01 PROVIDER token SECRET}.
   *
   * @param provider {@code cloudflare} or {@code route53}; {@code null} when rejected (already reported)
   * @param token the secret holding the provider's credentials, or {@code null} when unresolved
   * @param span the whole entry
   */
  public record Solver(String provider, Decl token, SourceSpan span) {
    public boolean route53() {
      return "route53".equals(provider);
    }
  }

  public static Issuer of(ClusterModel model, Decl decl) {
    return model.lowered(decl, Issuer.class, Issuer::lower);
  }

  public boolean staging() {
    return STAGING.equals(server);
  }

  private static Issuer lower(Decl decl) {
    Solver solver = decl.body().first("solver")
        .map(entry -> new Solver(entry.sym("provider").orElse(null), entry.ref("token").orElse(null), entry.entry().span()))
        .orElse(null);
    return new Issuer(decl, decl.body().str("email").orElse(null), decl.body().sym("server").orElse(null), solver);
  }
}
