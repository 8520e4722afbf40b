package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.BackupTarget;
import dev.clusterc.compiler.model.Database;
import dev.clusterc.compiler.model.Schedule;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.model.Written;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.GatewayClasses;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.Quantity;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The rules on entries that a schema signature cannot say: a well-formed cron schedule and backup
 * target, credentials where the target needs them, exactly one source per secret, at least one pool
 * range and gateway listener, a listener's protocol and certificate, one address for the gateways of
 * a class served from one Service, and the ranges of ports, counts, versions and sizes. Kubernetes
 * names are {@link NameRulesChecker}'s.
 */
public final class ValueRulesChecker implements Checker {
  /** Backup target schemes, and whether a target there needs {@code credentials}. */
  private static final Map<String, Boolean> SCHEMES = Map.of("s3", true, "azure", true, "gs", true, "nfs", false);

  private static final List<String> SOURCES = List.of("sops", "external", "sealed");

  /** Kubernetes' IANA_SVC_NAME: at most 15 characters, lower case, a letter somewhere, no `--`. */
  private static final Pattern PORT_NAME =
      Pattern.compile("(?=.{1,15}$)(?=.*[a-z])(?!.*--)[a-z0-9]([a-z0-9-]*[a-z0-9])?");

  private static final Pattern ENV_PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    sharedServiceAddresses(program, reportAll);
    SyntaxErrorIndex syntaxErrors = SyntaxErrorIndex.of(program);
    for (Decl decl : program.decls()) {
      if (decl.isStd() || decl.body() == null) {
        continue;
      }
      BoundBlock body = decl.body();
      boolean exempt = syntaxErrors.within(decl.source().span());
      Consumer<Diagnostic> report = found -> reportAll.accept(Sites.placed(program, decl, found));
      if (decl.kind() == Kind.BACKUP) {
        backup(program, Backup.of(program.model(), decl), exempt, report);
      } else if (decl.kind() == Kind.SECRET) {
        secret(program, decl, body, exempt, report);
      } else if (decl.kind() == Kind.POOL && !body.has("range") && !exempt) {
        report.accept(Diagnostic.error(Code.MISSING_PROPERTY, decl.site(), decl.label() + " has no `range`")
            .withHint("add `range FIRST..LAST` or `range CIDR`: the addresses the pool hands out"));
      } else if (decl.kind() == Kind.GATEWAY) {
        gateway(decl, body, exempt, report);
      } else if (decl.kind() == Kind.APP) {
        body.typed("replicas", Typed.Int.class).filter(r -> r.value() < 0).ifPresent(r -> report.accept(
            Diagnostic.error(Code.INVALID_VALUE, r.span(),
                decl.label() + " has " + r.value() + " replicas; replicas are 0 or more")));
        for (BoundEntry port : body.all("port")) {
          port.get("number").filter(Typed.Int.class::isInstance).map(Typed.Int.class::cast)
              .ifPresent(n -> port(n, "port `" + port.firstArgument() + "` of " + decl.label(), report));
          port.get("name").filter(n -> !PORT_NAME.matcher(n.span().text()).matches()).ifPresent(n -> report.accept(
              Diagnostic.error(Code.INVALID_VALUE, n.span(), "port name `" + n.span().text() + "` of " + decl.label()
                      + " is not a Kubernetes port name")
                  .withHint("a port name has at most 15 lower-case letters, digits and `-`, with a letter in it")));
        }
        for (BoundEntry database : body.all("database")) {
          database.get("prefix").filter(p -> !ENV_PREFIX.matcher(p.span().text()).matches()).ifPresent(p -> report.accept(
              Diagnostic.error(Code.INVALID_VALUE, p.span(), "`" + p.span().text() + "` cannot start an environment variable name")
                  .withHint("use letters, digits and `_`, not starting with a digit, e.g. `"
                      + p.span().text().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_") + "`")));
        }
        memory(decl, body, report);
      } else if (decl.kind() == Kind.VOLUME) {
        Volume volume = Volume.of(program.model(), decl);
        atLeast(decl, volume.replicas(), "replicas", 1, report);
        size(decl, volume.size(), report);
      } else if (decl.kind() == Kind.DATABASE) {
        database(program, Database.of(program.model(), decl), report);
      }
    }
  }

  /**
   * A database's version is one CloudNativePG ships, it runs at least one instance on a size above
   * zero, and it archives to an object store: s3, azure or gs, not nfs.
   */
  private static void database(Program program, Database database, Consumer<Diagnostic> report) {
    Decl decl = database.decl();
    atLeast(decl, database.instances(), "instances", 1, report);
    size(decl, database.size(), report);
    Written<Long> version = database.version();
    if (version.isWritten() && (version.value() < 13 || version.value() > 18)) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, version.span(),
              decl.label() + " asks for PostgreSQL " + version.value() + "; the supported versions are 13–18")
          .withHint("use a version from 13 to 18 (17 when `version` is left out)"));
    }
    if (database.backup() == null) {
      return;
    }
    Backup backup = Backup.of(program.model(), database.backup());
    if (backup.target() != null && backup.target().text().startsWith("nfs://")) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, database.backupEntry(),
              decl.label() + " is backed up by " + backup.decl().label() + ", whose target " + backup.target().text()
                  + " is no object store; CloudNativePG archives to s3://, azure:// or gs://")
          .withHint("give the database a backup policy with an object-store target")
          .withRelated(backup.target().span(), "the target is here"));
    }
  }

  /**
   * Resources are positive, and memory is whole bytes: {@code memory 512m} asks for 0.512 bytes
   * ({@code m} is milli in a quantity, a common slip for {@code Mi}).
   */
  private static void memory(Decl decl, BoundBlock body, Consumer<Diagnostic> report) {
    BoundBlock resources = body.first("resources").map(BoundEntry::block).orElse(null);
    if (resources == null) {
      return;
    }
    for (String key : List.of("cpu", "memory")) {
      resources.typed(key, Typed.Qty.class).filter(q -> q.value().signum() <= 0).ifPresent(q -> report.accept(
          Diagnostic.error(Code.INVALID_VALUE, q.span(), key + " `" + q.value() + "` of " + decl.label() + " must be above zero")));
    }
    resources.typed("memory", Typed.Qty.class).filter(m -> m.value().signum() > 0 && !m.value().isWhole()).ifPresent(memory -> {
      String text = memory.value().toString();
      String digits = text.replaceAll("[a-zA-Z]+$", "");
      boolean milli = text.matches(".*[0-9](m|u|n)");
      report.accept(Diagnostic.error(Code.INVALID_VALUE, memory.span(), "memory `" + text + "` of " + decl.label() + " is "
              + memory.value().value().toPlainString() + " bytes" + (milli ? ": `m` means milli, not mega" : ", not a whole number"))
          .withHint(milli ? "write `" + digits + "Mi` for " + digits + " mebibytes" : "write whole bytes, or use a unit such as `Mi` or `Gi`"));
    });
  }

  /** A well-formed schedule, counts of 0 or more, a backup location, and credentials where it needs them. */
  private static void backup(Program program, Backup backup, boolean exempt, Consumer<Diagnostic> report) {
    Decl decl = backup.decl();
    Schedule schedule = backup.schedule();
    if (schedule != null && !schedule.valid()) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, schedule.span(), schedule.malformed().message())
          .withHint(schedule.malformed().hint()));
    }
    if (backup.keep() != null) {
      backup.keep().counts().forEach((period, count) -> {
        if (count.value() < 0) {
          report.accept(Diagnostic.error(Code.INVALID_VALUE, count.valueSpan(),
              "`keep` of " + decl.label() + " has " + period.key() + " " + count.value() + "; a count is 0 or more"));
        }
      });
    }
    BackupTarget target = backup.target();
    if (target == null) {
      return;
    }
    String text = target.text();
    int colon = text.indexOf("://");
    String scheme = colon < 0 ? "" : text.substring(0, colon);
    if (!SCHEMES.containsKey(scheme) || text.length() == colon + 3) {
      String known = SCHEMES.containsKey(scheme.toLowerCase(Locale.ROOT)) && !SCHEMES.containsKey(scheme)
          ? "write the scheme in lower case: `" + scheme.toLowerCase(Locale.ROOT) + "://`" : null;
      report.accept(Diagnostic.error(Code.INVALID_VALUE, target.span(),
              "the target `" + text + "` of " + decl.label() + " is not a backup location")
          .withHint(known != null ? known
              : "write `s3://BUCKET[/PREFIX]`, `azure://CONTAINER[/PREFIX]`, `gs://BUCKET[/PREFIX]` or `nfs://SERVER/PATH`"));
    } else if (SCHEMES.get(scheme) && !backup.hasCredentials() && !exempt) {
      report.accept(Diagnostic.error(Code.MISSING_PROPERTY, decl.site(),
              decl.label() + " has no `credentials`, which its " + scheme + ":// target needs")
          .withHint("add `credentials SECRET`, naming the secret that holds the access keys")
          .withRelated(Sites.editable(program, decl, target.span()), "the target is " + text));
    }
  }

  /** Exactly one of {@code sops}, {@code external} and {@code sealed}. */
  private static void secret(Program program, Decl decl, BoundBlock body, boolean exempt, Consumer<Diagnostic> report) {
    List<BoundEntry> sources = body.entries().values().stream().flatMap(List::stream)
        .filter(e -> SOURCES.contains(e.property().name()))
        .sorted((a, b) -> ClusterPlan.SOURCE_ORDER.compare(a.entry().span(), b.entry().span())).toList();
    if (sources.isEmpty() && !exempt) {
      report.accept(Diagnostic.error(Code.MISSING_PROPERTY, decl.site(), decl.label() + " has no source")
          .withHint("add one of `sops PATH`, `external STORE key KEY` or `sealed PATH`"));
    }
    for (BoundEntry second : sources.stream().skip(1).toList()) {
      String first = sources.get(0).property().name();
      report.accept(Diagnostic.error(Code.DUPLICATE_PROPERTY, second.entry().key().span(),
              decl.label() + " has a second source, `" + second.property().name() + "` after `" + first + "`")
          .withHint("a secret comes from exactly one of `sops`, `external` and `sealed`: remove one")
          .withRelated(Sites.editable(program, decl, sources.get(0).entry().key().span()),
              "the first source, `" + first + "`, is here"));
    }
  }

  /**
   * Gateways of a class that serves them all from one Service ({@link GatewayClasses}) answer at one
   * address: a second gateway of the class with another address is {@code invalid-value} (the same
   * address twice is {@code address-conflict}'s).
   */
  private static void sharedServiceAddresses(Program program, Consumer<Diagnostic> report) {
    Map<String, Decl> first = new HashMap<>();
    for (Decl gateway : program.decls(Kind.GATEWAY)) {
      if (gateway.isStd() || gateway.body() == null) {
        continue;
      }
      String gatewayClass = gateway.body().sym("class").orElse("");
      Optional<Typed.Addr> address = gateway.body().typed("address", Typed.Addr.class);
      if (!GatewayClasses.sharesOneService(gatewayClass) || address.isEmpty()) {
        continue;
      }
      Decl earlier = first.putIfAbsent(gatewayClass, gateway);
      if (earlier == null) {
        continue;
      }
      Typed.Addr theirs = earlier.body().typed("address", Typed.Addr.class).orElseThrow();
      if (!theirs.value().equals(address.get().value())) {
        report.accept(Sites.placed(program, gateway, Diagnostic.error(Code.INVALID_VALUE, address.get().span(),
                gateway.label() + " has class " + gatewayClass + ", whose gateways all answer at the one Service of its chart, "
                    + "which " + earlier.label() + " puts at " + theirs.value())
            .withHint("drop `address` here (" + gateway.label() + " then answers at " + theirs.value()
                + " too), or use a class that makes a Service per gateway, such as cilium or envoy-gateway")
            .withRelated(theirs.span(), earlier.label() + " sets the address here")));
      }
    }
  }

  private static void gateway(Decl decl, BoundBlock body, boolean exempt, Consumer<Diagnostic> report) {
    if (!body.has("listener") && !exempt) {
      report.accept(Diagnostic.error(Code.MISSING_PROPERTY, decl.site(), decl.label() + " has no `listener`")
          .withHint("add `listener https { hostname \"*.DOMAIN\"; certificate CERTIFICATE }` or `listener http { }`"));
    }
    Map<String, BoundEntry> names = new HashMap<>();
    for (BoundEntry listener : body.all("listener")) {
      BoundEntry earlier = names.putIfAbsent(listener.firstArgument(), listener);
      if (earlier != null) {
        report.accept(Diagnostic.error(Code.DUPLICATE_PROPERTY, listener.entry().args().get(0).span(),
                decl.label() + " has two listeners named `" + listener.firstArgument() + "`")
            .withHint("give each listener its own name")
            .withRelated(earlier.entry().args().get(0).span(), "the first is here"));
      }
      BoundBlock block = listener.block();
      if (block == null) {
        continue;
      }
      String name = listener.firstArgument();
      SourceSpan at = listener.entry().args().isEmpty() ? listener.entry().key().span() : listener.entry().args().get(0).span();
      String label = "listener `" + name + "` of " + decl.label();
      block.typed("port", Typed.Int.class).ifPresent(port -> port(port, "the port of " + label, report));
      String protocol = block.sym("protocol").orElse(name.equals("http") || name.equals("https") ? name : null);
      if (protocol == null) {
        if (!block.has("protocol") && !exempt) {
          report.accept(Diagnostic.error(Code.MISSING_PROPERTY, at, label + " has no `protocol`")
              .withHint("add `protocol http` or `protocol https`, or name the listener `http` or `https`"));
        }
      } else if (protocol.equals("https") && !block.has("certificate") && !exempt) {
        report.accept(Diagnostic.error(Code.MISSING_PROPERTY, at, "https " + label + " has no `certificate`")
            .withHint("add `certificate NAME`, naming a certificate whose hosts cover the listener's hostname"));
      } else if (protocol.equals("http") && block.has("certificate")) {
        report.accept(Diagnostic.error(Code.INVALID_VALUE, block.spanOf("certificate", at),
                "plain-HTTP " + label + " has a `certificate`, which only an https listener serves")
            .withHint("make it `protocol https`, or drop the certificate"));
      }
    }
  }

  private static void port(Typed.Int port, String what, Consumer<Diagnostic> report) {
    if (port.value() < 1 || port.value() > 65535) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, port.span(), what + " is " + port.value() + "; ports are 1–65535"));
    }
  }

  private static void atLeast(Decl decl, Written<Long> count, String key, int least, Consumer<Diagnostic> report) {
    if (count != null && count.isWritten() && count.value() < least) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, count.span(), decl.label() + " has " + count.value() + " " + key + "; "
          + decl.kind().withArticle() + " needs at least " + least));
    }
  }

  private static void size(Decl decl, Written<Quantity> size, Consumer<Diagnostic> report) {
    if (size != null && size.value().value().signum() <= 0) {
      report.accept(Diagnostic.error(Code.INVALID_VALUE, size.span(),
          decl.label() + " has size " + size.span().text() + "; a size is more than zero"));
    }
  }
}
