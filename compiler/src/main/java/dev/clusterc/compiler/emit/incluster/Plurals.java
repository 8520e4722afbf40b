package dev.clusterc.compiler.emit.incluster;

import java.util.Locale;
import java.util.Map;

/**
 * A kind's resource name when no CustomResourceDefinition among the objects says it: the lower-case
 * kind in the English plural Kubernetes' own kinds and CRD authors follow ({@code Ingress} →
 * {@code ingresses}, {@code NetworkPolicy} → {@code networkpolicies}, {@code Gateway} →
 * {@code gateways}), with the one built-in exception, {@code Endpoints}. A heuristic: a CRD whose
 * plural breaks the rule, and whose definition is not among the objects, gets a rule that names the
 * wrong resource, and its apply is then refused as Forbidden — visibly, never silently widened.
 */
final class Plurals {
  private static final Map<String, String> IRREGULAR = Map.of("endpoints", "endpoints");

  private Plurals() {}

  static String of(String kind) {
    String word = kind.toLowerCase(Locale.ROOT);
    String irregular = IRREGULAR.get(word);
    if (irregular != null) {
      return irregular;
    }
    if (word.endsWith("s") || word.endsWith("x") || word.endsWith("z") || word.endsWith("ch") || word.endsWith("sh")) {
      return word + "es";
    }
    if (word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    return word + "s";
  }
}
