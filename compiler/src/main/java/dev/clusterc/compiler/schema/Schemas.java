package dev.clusterc.compiler.schema;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of every kind, as the language brief lists them. Read it beside the brief's table:
 * each line is one entry, its signature, and its default.
 */
public final class Schemas {
  /** The layer ladder when the cluster names none. */
  public static final List<String> DEFAULT_LAYERS = List.of("crds", "controllers", "platform", "storage", "operations", "apps");

  private static final Map<Kind, Schema> KINDS = new EnumMap<>(Kind.class);

  /** The entries of {@code use NAME { … }}. */
  public static final Schema USE = accepting(layered(ignoring(new Schema("use")
      .one("version", "STRING")
      .one("values", "MAP(ANY)"))));

  /** {@code allow [CODE…] because REASON}: accepting a finding on one declaration (check/Acceptances). */
  public static final String ALLOW = "allow";

  /** {@code ignore-drift POINTER [in KIND]}: a field of the declaration's objects that others own (model/DriftIgnore). */
  public static final String IGNORE_DRIFT = "ignore-drift";

  static {
    KINDS.put(Kind.CLUSTER, new Schema("cluster")
        .required("domain", "STRING")
        .requiredBlock("network", "", new Schema("network")
            .required("nodes", "CIDR")
            .one("router", "IP")
            .one("pods", "CIDR", "10.42.0.0/16")
            .one("services", "CIDR", "10.43.0.0/16"))
        .one("layers", "LIST(SYMBOL)", DEFAULT_LAYERS)
        .block("gitops", "engine:flux|argocd|clusterc", false, new Schema("gitops")
            .required("repository", "STRING")
            .one("branch", "STRING", "main")
            .one("path", "STRING")
            .one("interval", "DURATION", Duration.ofMinutes(10))
            .one("decryption", "STRING", "sops-age")
            .one("secret", "STRING")
            .one("ordering", "ladder|edges", "ladder")
            .one("namespace", "STRING", "argocd")
            .one("project", "STRING", "default")
            .one("image", "STRING")
            .one("replicas", "INT", 2L)
            .one("credentials", "token|ssh"))
        .one("timezone", "STRING"));
    KINDS.put(Kind.NODE, new Schema("node")
        .required("role", "control-plane|worker")
        .required("address", "IP")
        .one("labels", "MAP(ANY)")
        .one("disk", "STRING"));
    KINDS.put(Kind.VIP, layered(new Schema("vip")
        .required("address", "IP")
        .one("on", "control-plane|LIST(@node)", "control-plane")
        .one("via", "kube-vip|talos", "kube-vip")
        .one("interface", "STRING")));
    KINDS.put(Kind.POOL, layered(new Schema("pool")
        .repeated("range", "RANGE|CIDR")
        .one("announce", "l2|bgp", "l2")
        .required("via", "cilium|metallb")));
    KINDS.put(Kind.GATEWAY, layered(new Schema("gateway")
        .one("address", "IP")
        .required("class", "SYMBOL")
        .block("listener", "SYMBOL", true, new Schema("listener")
            .one("protocol", "http|https")
            .one("port", "INT")
            .one("hostname", "STRING")
            .one("certificate", "@certificate"))
        .one("expose", "internal|public", "internal")));
    KINDS.put(Kind.DNS, layered(new Schema("dns")
        .required("address", "IP")
        .one("zone", "STRING")
        .one("via", "value:k8s-gateway", "k8s-gateway")));
    KINDS.put(Kind.CERTIFICATE, layered(new Schema("certificate")
        .required("hosts", "LIST(STRING)")
        .required("issuer", "@issuer")));
    KINDS.put(Kind.ISSUER, layered(new Schema("issuer")
        .required("email", "STRING")
        .one("server", "production|staging", "production")
        .required("solver", "dns01 provider:cloudflare|route53|webhook [group group:STRING] [name solver:STRING] "
            + "token token:@secret [config config:MAP(ANY)]")));
    KINDS.put(Kind.STORE, layered(new Schema("store")
        .required("via", "onepassword|azure-keyvault|vault|aws")
        .one("config", "MAP(ANY)")));
    KINDS.put(Kind.SECRET, layered(new Schema("secret")
        .one("sops", "STRING")
        .one("external", "store:@store key key:STRING")
        .one("sealed", "STRING")
        .one("env-file", "STRING")
        .one("keys", "LIST(STRING)")));
    KINDS.put(Kind.BACKUP, layered(new Schema("backup")
        .required("schedule", "STRING")
        .one("keep", "MAP(INT:hourly,daily,weekly,monthly)")
        .required("target", "STRING")
        .one("endpoint", "STRING")
        .one("credentials", "@secret")
        .one("via", "restic|velero|longhorn", "restic")));
    KINDS.put(Kind.VOLUME, layered(new Schema("volume")
        .required("size", "QUANTITY")
        .one("access", "rwo|rwx|rox", "rwo")
        .one("class", "STRING")
        .one("local", "node:@node at path:STRING")
        .one("replicate", "to node:@node via method:syncthing|rsync")
        .one("replicas", "INT")
        .one("backup", "@backup|none")
        .one("restore", "BOOL", false)
        .one("namespace", "SYMBOL")));
    KINDS.put(Kind.DATABASE, layered(new Schema("database")
        .one("engine", "value:postgres", "postgres")
        .one("version", "INT", 17L)
        .one("instances", "INT", 1L)
        .required("size", "QUANTITY")
        .one("class", "STRING")
        .one("backup", "@backup|none")
        .one("wal-archive", "DURATION", Duration.ofMinutes(5))
        .one("namespace", "SYMBOL", "databases")));
    KINDS.put(Kind.APP, layered(ignoring(new Schema("app")
        .required("image", "STRING")
        .one("namespace", "SYMBOL")
        .one("replicas", "INT", 1L)
        .repeated("port", "name:SYMBOL number:INT")
        .repeated("route", "host:STRING via gateway:@gateway [port port:SYMBOL]")
        .repeated("mount", "volume:@volume at path:STRING")
        .one("env", "MAP(ANY)")
        .repeated("secret-env", "@secret")
        .repeated("database", "database:@database [as prefix:SYMBOL]")
        .block("resources", "", false, new Schema("resources")
            .one("cpu", "QUANTITY")
            .one("memory", "QUANTITY"))
        .one("probe", "http path:STRING [port port:SYMBOL]")
        .one("spread", "BOOL")
        .one("on", "LIST(@node)")
        .one("command", "LIST(STRING)")
        .one("args", "LIST(STRING)")
        .repeated("config", "path:STRING [file file:STRING] [text text:STRING]")
        .block("access", "scope:cluster|namespace", false, new Schema("access")
            .repeated("rule", "verbs:LIST(SYMBOL|STRING) on resources:LIST(STRING) [in groups:LIST(STRING)]"))
        .repeated("manifests", "STRING"))));
    KINDS.put(Kind.COMPONENT, layered(ignoring(new Schema("component")
        .one("namespace", "SYMBOL")
        .one("chart", "repository:STRING name chart:STRING version version:STRING")
        .one("values", "MAP(ANY)")
        .one("provides", "LIST(STRING)"))));
    KINDS.values().forEach(Schemas::accepting);
  }

  private Schemas() {}

  public static Schema of(Kind kind) {
    return KINDS.get(kind);
  }

  /** {@code allow} is accepted on every declaration, cluster and node too, and on {@code use}. */
  private static Schema accepting(Schema schema) {
    return schema.repeated(ALLOW, "codes:LIST(SYMBOL) because reason:STRING");
  }

  /**
   * {@code ignore-drift} is accepted where a declaration's objects may have fields another controller
   * owns (replicas under an HPA): apps, components, and the {@code use} of a standard one.
   */
  private static Schema ignoring(Schema schema) {
    return schema.repeated(IGNORE_DRIFT, "pointer:STRING [in kind:SYMBOL]");
  }

  /** {@code layer} and {@code depends-on} are accepted on every declaration except cluster and node. */
  private static Schema layered(Schema schema) {
    return schema.one("layer", "SYMBOL").one("depends-on", "LIST(@*)");
  }
}
