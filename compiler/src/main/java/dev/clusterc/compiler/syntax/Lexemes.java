package dev.clusterc.compiler.syntax;

import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.grammar.ClusterLexer;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.Token;

/**
 * The words, literals, comments and punctuation of a file as the parser's own lexer cuts them, in
 * text order, without line breaks and spaces: what an editor colours by form before the tree says
 * what an identifier stands for.
 */
public final class Lexemes {
  /** What a piece of text is, by form alone. */
  public enum Kind {
    /** {@code import}, {@code use}, {@code template}, {@code from}, {@code for}. */
    KEYWORD,
    /** An identifier: a kind, a name, an entry keyword, a symbol or a reference. */
    IDENT,
    /** {@code $param}. */
    PARAM,
    /** A string or text block, closed or not. */
    STRING,
    /** {@code 3}, {@code 5Gi}, {@code 1h30m}. */
    NUMBER,
    /** An address, a CIDR or an address range. */
    ADDRESS,
    /** A {@code #} comment, up to the end of its line. */
    COMMENT,
    /** {@code :} and {@code =}. */
    OPERATOR,
    /** Brackets, braces, parentheses, commas and semicolons. */
    PUNCTUATION,
    /** A character the language has no place for. */
    ERROR
  }

  /** One piece of text, {@code [start, end)} in UTF-16 offsets. */
  public record Lexeme(Kind kind, int start, int end) {}

  private Lexemes() {}

  /** The pieces of {@code file}, in order; never throws, whatever the text. */
  public static List<Lexeme> of(SourceFile file) {
    ClusterLexer lexer = new ClusterLexer(
        CodePointCharStream.fromBuffer(CodePointBuffer.withChars(CharBuffer.wrap(file.text().toCharArray())), file.path()));
    lexer.removeErrorListeners();
    List<Lexeme> lexemes = new ArrayList<>();
    int length = file.text().length();
    for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
      Kind kind = kind(token.getType());
      int start = Math.min(token.getStartIndex(), length);
      int end = Math.min(token.getStopIndex() + 1, length);
      if (kind != null && end > start) {
        lexemes.add(new Lexeme(kind, start, end));
      }
    }
    return List.copyOf(lexemes);
  }

  private static Kind kind(int type) {
    return switch (type) {
      case ClusterLexer.IMPORT, ClusterLexer.USE, ClusterLexer.TEMPLATE, ClusterLexer.FROM, ClusterLexer.FOR -> Kind.KEYWORD;
      case ClusterLexer.IDENT -> Kind.IDENT;
      case ClusterLexer.PARAM -> Kind.PARAM;
      case ClusterLexer.STRING, ClusterLexer.TEXT_BLOCK, ClusterLexer.UNTERMINATED_STRING, ClusterLexer.UNTERMINATED_TEXT -> Kind.STRING;
      case ClusterLexer.NUMBER -> Kind.NUMBER;
      case ClusterLexer.IP, ClusterLexer.CIDR, ClusterLexer.RANGE -> Kind.ADDRESS;
      case ClusterLexer.COMMENT -> Kind.COMMENT;
      case ClusterLexer.COLON, ClusterLexer.EQUALS -> Kind.OPERATOR;
      case ClusterLexer.LBRACE, ClusterLexer.RBRACE, ClusterLexer.LBRACK, ClusterLexer.RBRACK, ClusterLexer.LPAREN,
          ClusterLexer.RPAREN, ClusterLexer.COMMA, ClusterLexer.SEMI -> Kind.PUNCTUATION;
      case ClusterLexer.ERROR_CHAR -> Kind.ERROR;
      default -> null;
    };
  }
}
