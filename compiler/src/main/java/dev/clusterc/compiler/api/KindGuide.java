package dev.clusterc.compiler.api;

import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.schema.Schema;
import dev.clusterc.compiler.schema.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each keyword that starts a top-level item is, in the words of the language reference's
 * headings (docs/language.md §2.2, §6 and §7), for an editor to show on the keyword. A test keeps
 * these sentences equal to the headings.
 */
public final class KindGuide {
  private static final Map<String, String> SUMMARIES = new LinkedHashMap<>();

  static {
    SUMMARIES.put("cluster", "exactly one");
    SUMMARIES.put("node", "a machine (not emitted)");
    SUMMARIES.put("vip", "the control-plane virtual IP · layer `controllers`");
    SUMMARIES.put("pool", "load-balancer addresses · layer `platform`");
    SUMMARIES.put("gateway", "a Gateway API gateway · layer `platform`");
    SUMMARIES.put("dns", "split-horizon DNS for your routes · layer `platform`");
    SUMMARIES.put("certificate", "a TLS certificate · layer `platform`");
    SUMMARIES.put("issuer", "an ACME (Let's Encrypt) issuer · layer `platform`");
    SUMMARIES.put("store", "an external secret store · layer `platform`");
    SUMMARIES.put("secret", "a Kubernetes secret and where it comes from · layer `platform`");
    SUMMARIES.put("backup", "a backup policy · layer `platform`");
    SUMMARIES.put("volume", "persistent storage · layer `storage`");
    SUMMARIES.put("database", "a PostgreSQL cluster (CloudNativePG) · layer `storage`");
    SUMMARIES.put("app", "a workload · layer `apps`");
    SUMMARIES.put("component", "a Helm chart with a place in the ladder · layer: its `layer`");
    SUMMARIES.put("use", "turn a component on · layer: the component's");
    SUMMARIES.put("template", "entries shared by declarations of one kind, filled in by `KIND NAME from TEMPLATE(arguments)`");
    SUMMARIES.put("import", "read another file, a directory of files, or a part of the standard library");
  }

  private KindGuide() {}

  /** The summary of a keyword ({@code app}: "a workload · layer `apps`"); empty for a word that starts no item. */
  public static Optional<String> summary(String keyword) {
    return Optional.ofNullable(SUMMARIES.get(keyword));
  }

  /**
   * How the entries a keyword's declarations take are written ({@code role control-plane|worker},
   * {@code address IP}), in the schema's order, required ones marked {@code (required)}; empty for
   * {@code template}, {@code import} and words that start no item.
   */
  public static List<String> entries(String keyword) {
    Schema schema = keyword.equals("use") ? Schemas.USE : Kind.of(keyword).map(Schemas::of).orElse(null);
    if (schema == null) {
      return List.of();
    }
    return schema.properties().stream().map(p -> p.usage() + (p.required() ? " (required)" : "")).toList();
  }
}
