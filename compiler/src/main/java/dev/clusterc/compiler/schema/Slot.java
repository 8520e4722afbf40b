package dev.clusterc.compiler.schema;

import java.util.List;

/** One position of an entry's signature: a connector word, a typed value, or an optional group. */
public sealed interface Slot {
  /** A word that must be written as is: {@code at} in {@code mount VOLUME at PATH}. */
  record Word(String word) implements Slot {}

  /** A typed value, retrieved by {@code name} after binding. */
  record Value(String name, ValueType type) implements Slot {}

  /** {@code [port NAME]}: present when the entry has the group's first word at this point. */
  record Optional(List<Slot> slots) implements Slot {
    public String leadingWord() {
      return slots.get(0) instanceof Word w ? w.word() : null;
    }
  }
}
