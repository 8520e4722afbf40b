package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An issuer's DNS-01 {@code solver}: one signature covers the built-in providers and cert-manager's
 * webhook solvers, so this says which parts go with which.
 *
 * <ul>
 *   <li>{@code webhook} needs {@code group} (the API group the webhook serves, a DNS name such as
 *   {@code acme.hetzner.com}: cert-manager calls {@code /apis/GROUP/v1alpha1/SOLVER}) and
 *   {@code name} (the solver name the webhook registers), or cert-manager finds no solver;</li>
 *   <li>{@code cloudflare} and {@code route53} take neither, nor {@code config}: cert-manager would
 *   drop them without a word;</li>
 *   <li>a {@code config} value whose key names a secret ({@code apiKey}) must not be written out:
 *   the config is stored in the ClusterIssuer in Git, so it belongs in the token secret
 *   ({@code plaintext-secret}).</li>
 * </ul>
 */
public final class SolverChecker implements Checker {
  /** A DNS subdomain with at least one dot, as Kubernetes API groups are. */
  private static final Pattern GROUP = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+");

  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    for (Decl issuer : program.decls(Kind.ISSUER)) {
      if (issuer.body() == null) {
        continue;
      }
      issuer.body().first("solver").ifPresent(solver -> check(issuer, solver, report));
    }
  }

  private static void check(Decl issuer, BoundEntry solver, Consumer<Diagnostic> report) {
    Optional<String> provider = solver.sym("provider");
    if (provider.isEmpty()) {
      return;
    }
    if (provider.get().equals("webhook")) {
      webhook(issuer, solver, report);
      return;
    }
    for (String part : List.of("group", "solver", "config")) {
      solver.get(part).ifPresent(value -> report.accept(Diagnostic.error(Code.INVALID_VALUE, value.span(),
              "the " + provider.get() + " solver of " + issuer.label() + " takes no " + word(part))
          .withHint("`group`, `name` and `config` are for `solver dns01 webhook …`; remove it")));
    }
  }

  private static void webhook(Decl issuer, BoundEntry solver, Consumer<Diagnostic> report) {
    String usage = "write `solver dns01 webhook group \"acme.example.com\" name \"example\" token SECRET`";
    Optional<Typed> group = solver.get("group");
    if (group.isEmpty()) {
      report.accept(Diagnostic.error(Code.MISSING_PROPERTY, solver.entry().span(),
          "the webhook solver of " + issuer.label() + " needs the webhook's API `group`").withHint(usage));
    } else if (group.get() instanceof Typed.Str s && !GROUP.matcher(s.value()).matches()) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, s.span(),
              "`" + s.value() + "` is no API group: cert-manager calls the webhook at /apis/GROUP/v1alpha1")
          .withHint("the group the webhook's chart sets as its groupName, a lower-case DNS name such as `acme.hetzner.com`"));
    }
    Optional<Typed> name = solver.get("solver");
    if (name.isEmpty()) {
      report.accept(Diagnostic.error(Code.MISSING_PROPERTY, solver.entry().span(),
          "the webhook solver of " + issuer.label() + " needs the solver's `name`").withHint(usage));
    } else if (name.get() instanceof Typed.Str s && !s.value().matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, s.span(), "`" + s.value() + "` is no solver name")
          .withHint("the name the webhook registers, lower-case letters, digits and `-` (`hetzner`)"));
    }
    solver.get("config").filter(Typed.Entries.class::isInstance).map(Typed.Entries.class::cast)
        .ifPresent(config -> secrets(issuer, config, report));
  }

  private static void secrets(Decl issuer, Typed.Entries config, Consumer<Diagnostic> report) {
    for (Map.Entry<String, Typed> entry : config.values().entrySet()) {
      if (SecretValueChecker.namesSecret(entry.getKey()) && entry.getValue() instanceof Typed.Str s && !s.value().isEmpty()) {
        report.accept(Diagnostic.error(Code.PLAINTEXT_SECRET, s.span(),
                "`" + entry.getKey() + "` of the webhook solver of " + issuer.label() + " holds a secret in plain text")
            .withHint("the config is stored in the ClusterIssuer, in Git: keep the secret in the `token` secret, "
                + "which the webhook finds through `secretName`"));
      }
    }
  }

  private static String word(String part) {
    return part.equals("solver") ? "`name`" : "`" + part + "`";
  }
}
