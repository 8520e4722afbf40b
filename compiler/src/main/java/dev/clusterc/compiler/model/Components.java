package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.load.Stdlib;
import dev.clusterc.compiler.syntax.Item;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What components provide, and which standard-library component to suggest for a capability. */
public final class Components {
  private Components() {}

  /** The capabilities a component declares in {@code provides}. */
  public static List<String> capabilities(Decl component) {
    BoundBlock body = component.body();
    if (body == null) {
      return List.of();
    }
    return body.value("provides").filter(Typed.Items.class::isInstance)
        .map(t -> ((Typed.Items) t).items().stream().filter(Typed.Str.class::isInstance).map(s -> ((Typed.Str) s).value()).toList())
        .orElse(List.of());
  }

  /** The standard-library component that provides a capability, for the fix in {@code missing-provider}. */
  public static Optional<String> stdProvider(String capability) {
    Map<String, String> byName = new TreeMap<>();
    for (var unit : Stdlib.units().values()) {
      for (Item item : unit.items()) {
        if (item instanceof Item.Declaration d && d.name() != null && d.kind().text().equals("component") && d.body() != null) {
          for (var entry : d.body().entries()) {
            if (entry.key().text().equals("provides") && !entry.args().isEmpty()
                && entry.args().get(0).span().text().contains("\"" + capability + "\"")) {
              byName.put(d.name().text(), d.name().text());
            }
          }
        }
      }
    }
    if (byName.containsKey(capability)) {
      return Optional.of(capability);
    }
    return byName.keySet().stream().findFirst();
  }
}
