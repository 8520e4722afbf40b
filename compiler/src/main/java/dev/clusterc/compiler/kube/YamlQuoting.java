package dev.clusterc.compiler.kube;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which strings the YAML writer quotes: Jackson's rules, and every text a YAML 1.1 reader takes for
 * something else. Kubernetes tools read YAML 1.1 (Go's yaml.v2 under {@code kubectl} and Flux), where
 * {@code 1e3}, {@code 0x1F}, {@code 1_000}, {@code 1:20}, {@code .inf} are numbers and {@code y} a
 * boolean: written plain, an image tag or a ConfigMap value such as {@code 1e3} would reach the API
 * server as a number. Jackson quotes plain decimal numbers and the usual keywords only.
 */
final class YamlQuoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;

  /** Integers and floats in every notation YAML 1.1 knows (binary, octal, hex, underscores, base 60, exponents). */
  private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\.[0-9_]+|[0-9][0-9_]*(?:\\.[0-9_]*)?"
      + "|0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
      + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");

  /** Booleans of YAML 1.1 that Jackson does not quote, and the merge key. */
  private static final Set<String> WORDS = Set.of("y", "Y", "n", "N", "<<", "=");

  @Override
  public boolean needToQuoteName(String name) {
    return super.needToQuoteName(name) || other(name);
  }

  @Override
  public boolean needToQuoteValue(String value) {
    return super.needToQuoteValue(value) || other(value);
  }

  /** Most texts start with a letter and are neither: only the short ones and those that start like a number are looked at. */
  private static boolean other(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    boolean numeric = (first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.';
    return numeric ? NUMBER.matcher(text).matches() : text.length() <= 2 && WORDS.contains(text);
  }
}
