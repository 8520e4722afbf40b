package dev.clusterc.compiler.schema;

import java.util.List;
import java.util.Set;

/** The type a position expects; a value is read by the type of the position it stands in. */
public sealed interface ValueType {

  /** How the type is named in messages: "a string", "an IPv4 address", "a reference to a volume". */
  String describe();

  /** Built-in scalar types. */
  enum Scalar implements ValueType {
    STRING("a string"),
    INT("an integer"),
    QUANTITY("a quantity such as `5Gi` or `100m`"),
    DURATION("a duration such as `30s`, `5m` or `1h30m`"),
    IP("an IPv4 address"),
    CIDR("a CIDR such as `10.0.0.0/16`"),
    RANGE("an address range such as `10.0.50.100..10.0.50.199`"),
    BOOL("`true` or `false`"),
    SYMBOL("a name"),
    ANY("a value");

    private final String description;

    Scalar(String description) {
      this.description = description;
    }

    @Override
    public String describe() {
      return description;
    }
  }

  /** One of a fixed set of words: {@code rwo|rwx|rox}. */
  record Choice(List<String> words) implements ValueType {
    @Override
    public String describe() {
      return words.size() == 1 ? "`" + words.get(0) + "`" : "one of " + String.join(", ", words.stream().map(w -> "`" + w + "`").toList());
    }
  }

  /** A reference to a declaration of {@code kind}, or of any kind when {@code kind} is {@code null}. */
  record Ref(Kind kind) implements ValueType {
    @Override
    public String describe() {
      return kind == null ? "a reference to a declaration" : "a reference to " + kind.withArticle();
    }
  }

  /** {@code [T…]} */
  record ListOf(ValueType element) implements ValueType {
    @Override
    public String describe() {
      return "a list of " + element.describe().replaceFirst("^(a|an) ", "");
    }
  }

  /** {@code { key: T }}; {@code keys} limits the keys when not empty. */
  record MapOf(ValueType element, Set<String> keys) implements ValueType {
    @Override
    public String describe() {
      return "a map";
    }
  }

  /** Several shapes accepted in one position: {@code BACKUP|none}, {@code RANGE|CIDR}. */
  record Union(List<ValueType> alternatives) implements ValueType {
    @Override
    public String describe() {
      List<String> parts = alternatives.stream().map(ValueType::describe).toList();
      return String.join(" or ", parts);
    }
  }
}
