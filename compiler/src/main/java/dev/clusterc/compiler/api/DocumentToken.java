package dev.clusterc.compiler.api;

import dev.clusterc.compiler.source.SourceSpan;
import java.util.EnumSet;
import java.util.Set;

/**
 * A piece of a document with the part it plays, as the compiler read it: what an editor colours.
 * The syntactic roles are those of {@link SyntaxNode.Role} (kind, name, template name, parameter,
 * entry key, map key); an entry's word is a {@link Role#KEYWORD} where its signature has a
 * connector ({@code at}), a {@link Role#REFERENCE} where binding resolved it to a declaration or the
 * signature expects one, a {@link Role#SYMBOL} otherwise; the rest is lexical (strings, numbers,
 * addresses, comments, operators).
 *
 * @param modifiers {@link Modifier#DECLARATION} on a name where it is introduced,
 *     {@link Modifier#LIBRARY} on a reference to the standard library
 */
public record DocumentToken(SourceSpan span, Role role, Set<Modifier> modifiers) {
  public DocumentToken {
    modifiers = modifiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modifiers));
  }

  /** The part a token plays. */
  public enum Role {
    /** {@code import}, {@code use}, {@code template}, {@code from}, {@code for}, and an entry's connector words ({@code at}). */
    KEYWORD,
    /** The kind keyword of a declaration or template ({@code app}). */
    KIND,
    /** The name a declaration introduces. */
    NAME,
    /** A template's name, where it is declared or after {@code from}. */
    TEMPLATE_NAME,
    /** A template parameter: in its list, a call's named argument, or {@code $param}. */
    PARAMETER,
    /** The type of a template parameter ({@code INT}). */
    TYPE,
    /** The keyword of an entry ({@code mount}). */
    ENTRY_KEY,
    /** A key of a map value. */
    MAP_KEY,
    /** A word that names a declaration, or stands where one is expected (after {@code use}: a component). */
    REFERENCE,
    /** Any other word: an enumeration's symbol, a boolean, a name given in place (a port's, a listener's). */
    SYMBOL,
    /** A string or text block, or the literal part of one around an interpolation. */
    STRING,
    /** {@code ${name}} inside a string. */
    INTERPOLATION,
    /** An integer, quantity or duration. */
    NUMBER,
    /** An address, CIDR or address range. */
    ADDRESS,
    /** A {@code #} comment. */
    COMMENT,
    /** {@code :} or {@code =}. */
    OPERATOR
  }

  /** What else is true of a token. */
  public enum Modifier {
    /** The name is introduced here (a declaration's, a template's or a parameter's own name). */
    DECLARATION,
    /** The name refers to the standard library. */
    LIBRARY
  }
}
