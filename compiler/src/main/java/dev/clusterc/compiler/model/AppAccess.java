package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;

/**
 * An app's {@code access cluster|namespace { rule … }}: the Kubernetes API access its pods get
 * through a ServiceAccount of their own. With {@code cluster} the rules hold in every namespace
 * (a ClusterRole, needed for cluster-scoped resources such as nodes); with {@code namespace} only in
 * the app's own (a Role).
 *
 * @param cluster whether the scope is {@code cluster}
 * @param rules the {@code rule} entries in source order
 * @param span the whole entry
 */
public record AppAccess(boolean cluster, List<Rule> rules, SourceSpan span) {

  /**
   * One {@code rule VERBS on RESOURCES [in GROUPS]}: a PolicyRule.
   *
   * @param verbs the verbs as written (words or strings such as {@code "*"})
   * @param resources the resources, plural and lower-case as the API names them ({@code "deployments"})
   * @param groups the API groups, else the core group {@code ""} alone
   * @param span the whole rule
   */
  public record Rule(List<Typed> verbs, List<Typed.Str> resources, List<Typed.Str> groups, SourceSpan span) {
    static Rule of(BoundEntry entry) {
      return new Rule(items(entry, "verbs"), strings(entry, "resources"), strings(entry, "groups"), entry.entry().span());
    }

    /** The groups the PolicyRule gets: those written, else the core group. */
    public List<String> apiGroups() {
      return groups.isEmpty() ? List.of("") : groups.stream().map(Typed.Str::value).toList();
    }

    /** The verbs as text: a word or a string's value. */
    public List<String> verbNames() {
      return verbs.stream().map(AppAccess::text).toList();
    }
  }

  static AppAccess of(BoundEntry entry) {
    boolean cluster = entry.sym("scope").map("cluster"::equals).orElse(false);
    List<Rule> rules = entry.block() == null ? List.of() : entry.block().all("rule").stream().map(Rule::of).toList();
    return new AppAccess(cluster, rules, entry.entry().span());
  }

  /** A verb's text: the word, or the string's value. */
  public static String text(Typed verb) {
    return verb instanceof Typed.Str s ? s.value() : verb instanceof Typed.Sym s ? s.value() : verb.span().text();
  }

  private static List<Typed> items(BoundEntry entry, String slot) {
    return entry.get(slot).filter(Typed.Items.class::isInstance).map(t -> ((Typed.Items) t).items()).orElse(List.of());
  }

  private static List<Typed.Str> strings(BoundEntry entry, String slot) {
    return items(entry, slot).stream().filter(Typed.Str.class::isInstance).map(Typed.Str.class::cast).toList();
  }
}
