package dev.clusterc.compiler.schema;

import java.util.List;

/**
 * One entry a kind or block accepts.
 *
 * @param signature the arguments after the keyword, as written in docs ({@code VOLUME at STRING})
 * @param defaultValue the value when the entry is absent (a Java value), or {@code null}
 * @param block the schema of the entry's block, or {@code null} when it takes none
 */
public record Property(
    String name,
    String signature,
    List<Slot> slots,
    boolean repeatable,
    boolean required,
    Object defaultValue,
    Schema block) {

  /** The only value slot's name, {@code value} by convention for one-argument entries. */
  public static final String VALUE = "value";

  public String usage() {
    return (name + " " + signature).trim() + (block != null ? " { … }" : "");
  }
}
