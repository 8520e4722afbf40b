package dev.clusterc.compiler.diag;

/**
 * The stable diagnostic codes of the language brief, and {@code cross-namespace-database}, which the
 * brief does not name; {@link #id()} is what users see and match on.
 */
public enum Code {
  SYNTAX("syntax"),
  UNKNOWN_KIND("unknown-kind"),
  UNKNOWN_PROPERTY("unknown-property"),
  MISSING_PROPERTY("missing-property"),
  DUPLICATE_PROPERTY("duplicate-property"),
  TYPE_MISMATCH("type-mismatch"),
  INVALID_VALUE("invalid-value"),
  UNDEFINED_REFERENCE("undefined-reference"),
  WRONG_REFERENCE_KIND("wrong-reference-kind"),
  DUPLICATE_DECLARATION("duplicate-declaration"),
  UNKNOWN_TEMPLATE("unknown-template"),
  TEMPLATE_ARGUMENT("template-argument"),
  IMPORT_NOT_FOUND("import-not-found"),
  IMPORT_CYCLE("import-cycle"),
  NO_CLUSTER("no-cluster"),
  MULTIPLE_CLUSTERS("multiple-clusters"),
  QUORUM("quorum"),
  ADDRESS_OUTSIDE_NETWORK("address-outside-network"),
  ADDRESS_CONFLICT("address-conflict"),
  CIDR_OVERLAP("cidr-overlap"),
  CIDR_NOT_CANONICAL("cidr-not-canonical"),
  ADDRESS_OUTSIDE_POOL("address-outside-pool"),
  HOSTNAME_OUTSIDE_DOMAIN("hostname-outside-domain"),
  ROUTE_NO_LISTENER("route-no-listener"),
  ROUTE_CONFLICT("route-conflict"),
  PUBLIC_PLAINTEXT("public-plaintext"),
  REPLICAS_EXCEED_NODES("replicas-exceed-nodes"),
  RWO_SHARED("rwo-shared"),
  LOCAL_VOLUME_UNPINNED("local-volume-unpinned"),
  UNBACKED_VOLUME("unbacked-volume"),
  BACKUP_RETENTION("backup-retention"),
  BACKUP_VIA("backup-via"),
  BACKUP_CREDENTIALS("backup-credentials"),
  LAYER_VIOLATION("layer-violation"),
  DEPENDENCY_CYCLE("dependency-cycle"),
  MISSING_PROVIDER("missing-provider"),
  CROSS_NAMESPACE_DATABASE("cross-namespace-database"),
  PLAINTEXT_SECRET("plaintext-secret"),
  IMAGE_UNPINNED("image-unpinned"),
  PORT_CONFLICT("port-conflict"),
  UNKNOWN_PORT("unknown-port"),
  MOUNT_CONFLICT("mount-conflict"),
  API_SERVER_UNKNOWN("api-server-unknown"),
  UNUSED_ALLOW("unused-allow"),
  CHART_UNAVAILABLE("chart-unavailable"),
  CHART_RENDER("chart-render"),
  UNREAD_SECRET("unread-secret"),
  UNDECRYPTED_SECRET("undecrypted-secret");

  private final String id;

  Code(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /**
   * Whether {@code allow [id] because "…"} may accept it: a finding about the cluster's design that
   * the cluster can run with at a cost (two control planes, an unpinned image), not a malformed
   * source or a contradiction the output could not honour (a port conflict, a dependency cycle).
   */
  public boolean acceptable() {
    return switch (this) {
      case QUORUM, ADDRESS_OUTSIDE_NETWORK, CIDR_NOT_CANONICAL, HOSTNAME_OUTSIDE_DOMAIN, PUBLIC_PLAINTEXT,
          REPLICAS_EXCEED_NODES, RWO_SHARED, LOCAL_VOLUME_UNPINNED, UNBACKED_VOLUME, BACKUP_RETENTION,
          CROSS_NAMESPACE_DATABASE, PLAINTEXT_SECRET, IMAGE_UNPINNED, API_SERVER_UNKNOWN, UNREAD_SECRET, BACKUP_VIA,
          UNDECRYPTED_SECRET -> true;
      default -> false;
    };
  }
}
