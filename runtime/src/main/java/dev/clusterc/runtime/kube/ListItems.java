package dev.clusterc.runtime.kube;

import java.util.List;
import java.util.Map;

/**
 * How an item of a desired list is found in the live list: by its {@code name} when it is a map that
 * has one (containers, env, ports), so an item another tool inserts does not shift ours; else by index.
 */
public final class ListItems {
  /** What {@link #counterpart} answers when the list has no item for the wanted one. */
  public static final Object MISSING = new Object();

  private ListItems() {}

  /** The item of {@code list} that stands for {@code wanted}, the item at {@code index} of its own list. */
  public static Object counterpart(Object wanted, int index, List<?> list) {
    Object name = nameOf(wanted);
    if (name != null) {
      for (Object item : list) {
        if (name.equals(nameOf(item))) {
          return item;
        }
      }
      return MISSING;
    }
    return index < list.size() ? list.get(index) : MISSING;
  }

  /** The {@code name} of a list item that is a map, or {@code null}. */
  public static Object nameOf(Object item) {
    return item instanceof Map<?, ?> map ? map.get("name") : null;
  }
}
