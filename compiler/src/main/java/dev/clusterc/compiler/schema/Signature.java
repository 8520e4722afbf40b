package dev.clusterc.compiler.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the compact notation in which {@link Schemas} writes entry signatures, so that the schema
 * reads like the language brief: {@code "host:STRING via gateway:@gateway [port port:SYMBOL]"}.
 *
 * <p>A lower-case word is a connector that must be written as is; {@code name:TYPE} is a value
 * (a bare {@code TYPE} is named {@code value}); {@code [ … ]} is an optional group. Types are
 * {@code STRING INT QUANTITY DURATION IP CIDR RANGE BOOL SYMBOL ANY}, {@code @kind} (a reference,
 * {@code @*} to any kind), {@code LIST(T)}, {@code MAP(T)} or {@code MAP(T:key,key)}, lower-case
 * words for a choice, and {@code |} between alternatives.
 */
final class Signature {
  private Signature() {}

  static List<Slot> parse(String signature) {
    List<String> tokens = tokens(signature);
    List<Slot> slots = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      String token = tokens.get(i);
      if (token.equals("[")) {
        int close = tokens.indexOf("]");
        slots.add(new Slot.Optional(parse(String.join(" ", tokens.subList(i + 1, close)))));
        tokens = new ArrayList<>(tokens);
        tokens.set(close, "");
        i = close + 1;
        continue;
      }
      if (!token.isEmpty()) {
        slots.add(slot(token));
      }
      i++;
    }
    return List.copyOf(slots);
  }

  /** The signature as users read it in docs and hints: {@code STRING via GATEWAY [port NAME]}. */
  static String display(String signature) {
    List<String> out = new ArrayList<>();
    for (String token : tokens(signature)) {
      int colon = token.indexOf(':');
      boolean value = colon > 0 && !token.startsWith("MAP(") || isTypeWord(token);
      String type = colon > 0 && !token.startsWith("MAP(") ? token.substring(colon + 1) : token;
      out.add(value ? displayType(type) : token);
    }
    return String.join(" ", out).replace("[ ", "[").replace(" ]", "]");
  }

  private static String displayType(String type) {
    List<String> parts = new ArrayList<>();
    for (String alternative : alternatives(type)) {
      if (alternative.startsWith("@")) {
        parts.add(alternative.equals("@*") ? "REF" : alternative.substring(1).toUpperCase(Locale.ROOT));
      } else if (alternative.startsWith("LIST(")) {
        parts.add("[" + displayType(inner(alternative)) + "…]");
      } else if (alternative.startsWith("MAP(")) {
        parts.add("MAP");
      } else if (alternative.equals("SYMBOL")) {
        parts.add("NAME");
      } else {
        parts.add(alternative);
      }
    }
    return String.join("|", parts);
  }

  private static Slot slot(String token) {
    int colon = token.indexOf(':');
    if (colon > 0 && !token.startsWith("MAP(")) {
      return new Slot.Value(token.substring(0, colon), type(token.substring(colon + 1)));
    }
    if (isTypeWord(token)) {
      return new Slot.Value(Property.VALUE, type(token));
    }
    return new Slot.Word(token);
  }

  private static boolean isTypeWord(String token) {
    return token.contains("|") || token.startsWith("@") || token.startsWith("LIST(") || token.startsWith("MAP(")
        || (!token.isEmpty() && Character.isUpperCase(token.charAt(0)));
  }

  static ValueType type(String text) {
    List<String> alternatives = alternatives(text);
    List<ValueType> types = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (String alternative : alternatives) {
      if (alternative.startsWith("@")) {
        String kind = alternative.substring(1);
        types.add(new ValueType.Ref(kind.equals("*") ? null : Kind.of(kind).orElseThrow()));
      } else if (alternative.startsWith("LIST(")) {
        types.add(new ValueType.ListOf(type(inner(alternative))));
      } else if (alternative.startsWith("MAP(")) {
        String inner = inner(alternative);
        int colon = inner.indexOf(':');
        Set<String> keys = colon < 0 ? Set.of() : Set.of(inner.substring(colon + 1).split(","));
        types.add(new ValueType.MapOf(type(colon < 0 ? inner : inner.substring(0, colon)), keys));
      } else if (Character.isUpperCase(alternative.charAt(0))) {
        types.add(ValueType.Scalar.valueOf(alternative));
      } else {
        words.add(alternative);
      }
    }
    if (!words.isEmpty()) {
      types.add(0, new ValueType.Choice(List.copyOf(words)));
    }
    return types.size() == 1 ? types.get(0) : new ValueType.Union(List.copyOf(types));
  }

  private static String inner(String typed) {
    return typed.substring(typed.indexOf('(') + 1, typed.lastIndexOf(')'));
  }

  /** Splits on {@code |} outside parentheses. */
  private static List<String> alternatives(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == '|' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  /** Words of a signature, with {@code [} and {@code ]} as words of their own. */
  private static List<String> tokens(String signature) {
    List<String> tokens = new ArrayList<>();
    for (String token : signature.replace("[", " [ ").replace("]", " ] ").trim().split("\\s+")) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    return tokens;
  }
}
