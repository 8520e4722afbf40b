package dev.clusterc.compiler.check;

import dev.clusterc.compiler.types.AddressRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Splits address ranges into groups that overlap: two ranges sharing an address are in one group,
 * and so are ranges joined by a chain of such pairs. One sort and one sweep, so a thousand copies of
 * one pool cost a sort, not a million comparisons, and become one group to report once.
 */
final class OverlapGroups {
  private OverlapGroups() {}

  /** The groups of two or more members, each in the order of {@code items}; groups in order of their first member. */
  static <T> List<List<T>> of(List<T> items, Function<T, AddressRange> range) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.<Integer, AddressRange>comparing(i -> range.apply(items.get(i)), Comparator.comparing(AddressRange::first))
        .thenComparing(i -> i));
    List<List<Integer>> groups = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    AddressRange reach = null;
    for (int i : order) {
      AddressRange next = range.apply(items.get(i));
      if (reach != null && next.first().compareTo(reach.last()) <= 0) {
        current.add(i);
        if (next.last().compareTo(reach.last()) > 0) {
          reach = new AddressRange(reach.first(), next.last());
        }
        continue;
      }
      if (current.size() > 1) {
        groups.add(current);
      }
      current = new ArrayList<>(List.of(i));
      reach = next;
    }
    if (current.size() > 1) {
      groups.add(current);
    }
    List<List<T>> result = new ArrayList<>();
    groups.sort(Comparator.comparing(g -> g.stream().min(Integer::compare).orElseThrow()));
    for (List<Integer> group : groups) {
      result.add(group.stream().sorted().map(items::get).toList());
    }
    return result;
  }
}
