package dev.clusterc.compiler.api;

import dev.clusterc.compiler.source.SourceSpan;

/**
 * The innermost piece of syntax at a position, as an editor names it: what role the text plays,
 * where it is, and the text itself. No parser types leak out, so the language server depends on the
 * roles only.
 */
public record SyntaxNode(Role role, SourceSpan span, String text) {

  /** What a piece of syntax is. */
  public enum Role {
    /** A whole top-level declaration, {@code use}, {@code import} or template, outside its parts. */
    DECLARATION,
    /** The kind keyword of a declaration ({@code app}), or {@code use}, {@code import}, {@code template}. */
    KIND,
    /** The name a declaration, {@code use} or template introduces. */
    NAME,
    /** The template named after {@code from}. */
    TEMPLATE_NAME,
    /** The name of a template's parameter, in its list or in a call's named argument. */
    PARAMETER,
    /** A whole entry, outside its keyword and values (its block's braces). */
    ENTRY,
    /** The keyword of an entry ({@code mount}). */
    ENTRY_KEY,
    /** A key of a map value ({@code daily} in {@code keep { daily: 7 }}). */
    MAP_KEY,
    /** A value: a word, string, number, address, list, map or {@code $param}. */
    VALUE
  }
}
