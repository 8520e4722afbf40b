package dev.clusterc.compiler.format;

import dev.clusterc.compiler.syntax.SourceUnit;

/**
 * The source formatter behind {@code clusterc fmt}: one canonical layout whatever the input spacing,
 * idempotent, keeping every comment and the parsed structure.
 *
 * <p>Layout, by construct: {@link ItemLayout} (top-level items and the alignment of one-line
 * declarations), {@link BlockLayout} (blocks, entries and the alignment of their arguments),
 * {@link ParenLayout} (template parameters and arguments), {@link ValueLayout} (lists, maps, scalars),
 * {@link Literals} (strings and map keys). {@link Out} writes lines and weaves the comments in;
 * {@link OriginalText} answers what the original looked like (shared lines, blank lines, comments).
 */
public final class Formatter {
  private Formatter() {}

  /**
   * Formats one parsed file.
   *
   * @throws IllegalArgumentException when the unit has syntax errors: a broken file is never rewritten
   */
  public static String format(SourceUnit unit) {
    if (unit.hasErrors()) {
      throw new IllegalArgumentException(unit.file().path() + " has syntax errors and cannot be formatted");
    }
    OriginalText original = new OriginalText(unit);
    Out out = new Out(original);
    ValueLayout values = new ValueLayout(out, original);
    BlockLayout blocks = new BlockLayout(out, original, values);
    new ItemLayout(out, original, values, blocks).write(unit.items());
    return out.finish();
  }
}
