package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.schema.Schemas;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code app} declaration lowered once: every default resolved (from the schema, or the rule
 * the language reference gives where the default depends on other entries), each entry read into
 * a record of its own. Checkers and the app emitter read this instead of the bound entries.
 *
 * <p>Values a checker points at keep their {@link Typed} form (value and span); an entry whose
 * value did not bind (already reported) leaves that component {@code null}, so emitters skip it
 * and checkers say nothing more about it.
 *
 * @param namespace its {@code namespace}, else the app's name
 * @param image the {@code image} as written, or {@code null} when missing
 * @param replicas {@code replicas}, else the schema's default
 * @param replicasSpan where {@code replicas} is written, or {@code null} when it is the default
 * @param env the {@code env} map in source order, each value also as the string the container gets
 * @param secretEnvReads the {@code secret-env} entries that resolved, in source order
 * @param resources the {@code resources} block, or {@code null}
 * @param probe the {@code probe} entry, or {@code null}
 * @param spread whether the replicas spread over nodes: {@code spread} when written, else true,
 *     and never with a single replica
 * @param on the nodes of {@code on [...]} that resolved, in source order
 * @param command the container's {@code command}, or {@code null} when not written (the image's entrypoint)
 * @param args the container's {@code args}, or {@code null} when not written (the image's)
 * @param configs the {@code config} entries, in source order
 * @param access the {@code access} block, or {@code null} when the app needs no API access
 */
public record App(
    Decl decl,
    String namespace,
    Typed.Str image,
    long replicas,
    SourceSpan replicasSpan,
    List<AppPort> ports,
    List<AppRoute> routes,
    List<AppMount> mounts,
    List<Env> env,
    List<SecretEnv> secretEnvReads,
    List<DatabaseRead> databases,
    Resources resources,
    AppProbe probe,
    boolean spread,
    List<Typed.Ref> on,
    List<String> command,
    List<String> args,
    List<AppConfig> configs,
    AppAccess access) {

  /**
   * One variable of {@code env}: {@code text} is the value as Kubernetes wants it, a string
   * (scalars as written, anything else as its source text).
   */
  public record Env(String name, Typed value, String text) {}

  /**
   * One {@code database DATABASE [as PREFIX]}.
   *
   * @param database the database, or {@code null} when the reference did not resolve
   * @param prefix the written prefix, else the database name upper-cased with {@code -} → {@code _}
   * @param prefixSpan where the prefix is written, or {@code null}
   * @param span the whole entry
   */
  public record DatabaseRead(Decl database, String prefix, SourceSpan prefixSpan, SourceSpan span) {}

  /** One {@code secret-env SECRET} that resolved: the secret and the whole entry. */
  public record SecretEnv(Decl secret, SourceSpan span) {}

  /** {@code resources { cpu …; memory … }}: either may be {@code null}. */
  public record Resources(Typed.Qty cpu, Typed.Qty memory) {}

  /** The lowered app of {@code decl}, made once per model. */
  public static App of(ClusterModel model, Decl decl) {
    if (decl.kind() != Kind.APP) {
      throw new IllegalArgumentException(decl.label() + " is no app");
    }
    return model.lowered(decl, App.class, App::lower);
  }

  private static App lower(Decl decl) {
    BoundBlock body = decl.body() != null ? decl.body() : new BoundBlock(decl.site(), Schemas.of(Kind.APP), Map.of());
    long replicas = body.integer("replicas").orElseThrow();
    List<AppPort> ports = body.all("port").stream().map(AppPort::of).toList();
    List<AppMount> mounts = body.all("mount").stream().map(AppMount::of).toList();
    List<AppRoute> routes = body.all("route").stream().map(AppRoute::of).toList();
    List<SecretEnv> secretEnv = new ArrayList<>();
    body.all("secret-env").forEach(entry -> entry.ref("value")
        .ifPresent(secret -> secretEnv.add(new SecretEnv(secret, entry.entry().span()))));
    List<DatabaseRead> databases = body.all("database").stream().map(App::database).toList();
    List<Typed.Ref> on = body.value("on").filter(Typed.Items.class::isInstance)
        .map(items -> ((Typed.Items) items).items().stream()
            .filter(item -> item instanceof Typed.Ref ref && ref.target() != null).map(Typed.Ref.class::cast).toList())
        .orElse(List.of());
    return new App(
        decl,
        namespaceOf(decl),
        body.typed("image", Typed.Str.class).orElse(null),
        replicas,
        body.typed("replicas", Typed.Int.class).map(Typed::span).orElse(null),
        ports,
        routes,
        mounts,
        env(body),
        List.copyOf(secretEnv),
        databases,
        body.first("resources").map(BoundEntry::block)
            .map(b -> new Resources(b.typed("cpu", Typed.Qty.class).orElse(null), b.typed("memory", Typed.Qty.class).orElse(null)))
            .orElse(null),
        body.first("probe").map(AppProbe::of).orElse(null),
        replicas > 1 && body.bool("spread").orElse(true),
        on,
        strings(body, "command"),
        strings(body, "args"),
        body.all("config").stream().map(AppConfig::of).toList(),
        body.first("access").map(AppAccess::of).orElse(null));
  }

  /**
   * An app's namespace, its {@code namespace} else its name: the rule {@link #namespace()} holds,
   * for the rules that place objects before any model is at hand.
   */
  public static String namespaceOf(Decl app) {
    return app.body() == null ? app.name() : app.body().sym("namespace").orElse(app.name());
  }

  /** A list of strings as written, or {@code null} when the entry is absent or did not bind. */
  private static List<String> strings(BoundBlock body, String key) {
    return body.typed(key, Typed.Items.class)
        .map(items -> items.items().stream().filter(Typed.Str.class::isInstance).map(i -> ((Typed.Str) i).value()).toList())
        .orElse(null);
  }

  private static List<Env> env(BoundBlock body) {
    Map<String, Typed> values = body.typed("env", Typed.Entries.class).map(Typed.Entries::values).orElse(Map.of());
    List<Env> env = new ArrayList<>(values.size());
    values.forEach((name, value) -> env.add(new Env(name, value, text(value))));
    return List.copyOf(env);
  }

  /** An env value as Kubernetes wants it, a string: scalars as written, anything else as its source text. */
  static String text(Typed value) {
    if (value instanceof Typed.Str s) {
      return s.value();
    } else if (value instanceof Typed.Sym s) {
      return s.value();
    } else if (value instanceof Typed.Int i) {
      return Long.toString(i.value());
    } else if (value instanceof Typed.Bool b) {
      return Boolean.toString(b.value());
    } else if (value instanceof Typed.Ref r) {
      return r.name();
    }
    return value.span().text();
  }

  private static DatabaseRead database(BoundEntry entry) {
    Decl database = entry.ref("database").orElse(null);
    Optional<Typed> written = entry.get("prefix");
    String prefix = entry.sym("prefix").orElse(database == null ? null : defaultPrefix(database.name()));
    return new DatabaseRead(database, prefix, written.map(Typed::span).orElse(null), entry.entry().span());
  }

  /** The database name upper-cased with {@code -} turned into {@code _}: {@code app-db} → {@code APP_DB}. */
  public static String defaultPrefix(String database) {
    return database.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The ports with a name and a number, in source order: those the Service and the container get. */
  public List<AppPort> boundPorts() {
    return ports.stream().filter(AppPort::bound).toList();
  }

  /** The port a route or probe reaches: the one it names with {@code port NAME}, else the app's first. */
  public Optional<AppPort> target(Typed.Sym named) {
    List<AppPort> bound = boundPorts();
    if (named == null) {
      return bound.stream().findFirst();
    }
    return bound.stream().filter(p -> p.name().value().equals(named.value())).findFirst();
  }

  /** The secrets of the {@code secret-env} entries that resolved, in source order. */
  public List<Decl> secretEnv() {
    return secretEnvReads.stream().map(SecretEnv::secret).toList();
  }

  /** The names of the app's ports, in order. */
  public List<String> portNames() {
    return ports.stream().filter(p -> p.name() != null).map(p -> p.name().value()).toList();
  }
}
