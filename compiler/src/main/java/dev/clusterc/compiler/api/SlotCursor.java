package dev.clusterc.compiler.api;

import dev.clusterc.compiler.schema.Slot;
import dev.clusterc.compiler.schema.ValueType;
import dev.clusterc.compiler.syntax.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Which part of an entry's signature the n-th argument stands in, read as the binder reads it but
 * without reporting: connector words are matched, an optional group is entered when its first
 * word is written. At the argument being typed, the answer is the words that may come there (a
 * connector, or the first word of optional groups) and the type of a value slot, if one comes.
 */
final class SlotCursor {
  /** What may stand at an argument: {@code words} to write as is, and a value of {@code type} (or {@code null}). */
  record Expected(List<String> words, ValueType type) {}

  private SlotCursor() {}

  /** What the signature expects at argument {@code target}, or {@code null} when the entry takes nothing more there. */
  static Expected at(List<Slot> signature, List<Value> args, int target) {
    int[] index = {0};
    List<String> pending = new ArrayList<>();
    Expected found = walk(signature, args, target, index, pending);
    if (found != null) {
      return found;
    }
    return index[0] == target && !pending.isEmpty() ? new Expected(List.copyOf(pending), null) : null;
  }

  private static Expected walk(List<Slot> slots, List<Value> args, int target, int[] index, List<String> pending) {
    for (Slot slot : slots) {
      int i = index[0];
      if (slot instanceof Slot.Optional group) {
        if (i == target) {
          pending.add(group.leadingWord());
        } else if (i < target && i < args.size() && args.get(i) instanceof Value.Word w && w.text().equals(group.leadingWord())) {
          Expected inner = walk(group.slots(), args, target, index, new ArrayList<>());
          if (inner != null) {
            return inner;
          }
        }
        continue;
      }
      if (i == target) {
        List<String> words = new ArrayList<>(pending);
        if (slot instanceof Slot.Word word) {
          words.add(word.word());
          return new Expected(List.copyOf(words), null);
        }
        return new Expected(List.copyOf(words), ((Slot.Value) slot).type());
      }
      pending.clear();
      index[0]++;
    }
    return null;
  }
}
