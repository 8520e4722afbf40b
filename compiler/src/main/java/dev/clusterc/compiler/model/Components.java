package dev.clusterc.compiler.model;

import dev.clusterc.compiler.load.Stdlib;
import dev.clusterc.compiler.syntax.Item;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Which standard-library component to suggest for a capability (what a component in use provides is {@link Component#provides}). */
public final class Components {
  private Components() {}

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
