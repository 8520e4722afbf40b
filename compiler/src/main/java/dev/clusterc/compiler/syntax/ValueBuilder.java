package dev.clusterc.compiler.syntax;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.grammar.ClusterLexer;
import dev.clusterc.grammar.ClusterParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/** Builds values: literals, lists, maps, and strings with their escapes and interpolations. */
final class ValueBuilder {
  private final SourceFile file;
  private final Map<Token, Token> virtualClosers;
  private final List<Diagnostic> diagnostics;

  ValueBuilder(SourceFile file, Map<Token, Token> virtualClosers, List<Diagnostic> diagnostics) {
    this.file = file;
    this.virtualClosers = virtualClosers;
    this.diagnostics = diagnostics;
  }

  Value value(ClusterParser.ValueContext ctx) {
    if (ctx == null || ctx.start == null) {
      return new Value.Bad(SourceSpan.at(file, file.text().length()));
    }
    if (ctx.list() != null) {
      return list(ctx.list());
    }
    if (ctx.map() != null) {
      return map(ctx.map());
    }
    if (ctx.exception != null || ctx.getChildCount() == 0) {
      return new Value.Bad(Parser.tokenSpan(file, ctx.start));
    }
    return token(ctx.start);
  }

  Value token(Token token) {
    SourceSpan span = Parser.tokenSpan(file, token);
    String text = token.getText();
    return switch (token.getType()) {
      case ClusterLexer.STRING -> string(span, text.substring(1, text.length() - 1), span.start() + 1, false);
      case ClusterLexer.TEXT_BLOCK -> string(span, text.substring(3, text.length() - 3), span.start() + 3, true);
      case ClusterLexer.NUMBER -> new Value.Number(span, text);
      case ClusterLexer.IP -> new Value.Ip(span, text);
      case ClusterLexer.CIDR -> new Value.Cidr(span, text);
      case ClusterLexer.RANGE -> new Value.Range(span, text);
      case ClusterLexer.IDENT -> new Value.Word(span, text);
      case ClusterLexer.PARAM -> new Value.Param(span, text.substring(1));
      default -> {
        diagnostics.add(SyntaxMessages.unexpected(token, span, null));
        yield new Value.Bad(span);
      }
    };
  }

  // list : LBRACK NL* ( value ( ( COMMA | NL )+ value )* ( COMMA | NL )* )? close=RBRACK?
  private Value list(ClusterParser.ListContext ctx) {
    List<Value> items = new ArrayList<>();
    for (ClusterParser.ValueContext v : ctx.value()) {
      items.add(value(v));
    }
    SourceSpan span = spanOf(ctx.start, ctx.stop);
    return new Value.ListOf(span, List.copyOf(items), closed(ctx.start, ctx.close, "list"));
  }

  // map : LBRACE NL* ( mapEntry ( ( COMMA | NL )+ mapEntry )* ( COMMA | NL )* )? close=RBRACE?
  private Value map(ClusterParser.MapContext ctx) {
    List<Value.MapEntry> entries = new ArrayList<>();
    for (ClusterParser.MapEntryContext e : ctx.mapEntry()) {
      Token keyToken = e.key;
      SourceSpan keySpan = Parser.tokenSpan(file, keyToken);
      String key = keyToken.getType() == ClusterLexer.STRING
          ? string(keySpan, keyToken.getText().substring(1, keyToken.getText().length() - 1), keySpan.start() + 1, false).raw()
          : keyToken.getText();
      entries.add(new Value.MapEntry(spanOf(e.start, e.stop), new Name(keySpan, key), value(e.value())));
    }
    return new Value.MapOf(spanOf(ctx.start, ctx.stop), List.copyOf(entries), closed(ctx.start, ctx.close, "map"));
  }

  /** Whether a list or map was closed in the source; a virtual closer is reported at the opener. */
  private boolean closed(Token opener, Token closer, String what) {
    if (closer == null || closer.getTokenIndex() < 0) {
      return false;
    }
    if (!virtualClosers.containsKey(closer)) {
      return true;
    }
    diagnostics.add(Diagnostic.error(Code.SYNTAX, Parser.tokenSpan(file, opener), "missing `" + closer.getText() + "` to close this " + what)
        .withHint("add `" + closer.getText() + "` on line " + closer.getLine() + ", where the " + what + " ends")
        .withRelated(Parser.tokenSpan(file, closer), "the " + what + " ends here"));
    return false;
  }

  private SourceSpan spanOf(Token start, Token stop) {
    SourceSpan first = Parser.tokenSpan(file, start);
    if (stop == null || stop.getTokenIndex() < start.getTokenIndex() || stop.getType() == Token.EOF) {
      return first;
    }
    return first.to(Parser.tokenSpan(file, stop));
  }

  /** Resolves escapes and splits out {@code ${path}} interpolations; {@code base} is the offset of the body. */
  private Value.Str string(SourceSpan span, String body, int base, boolean textBlock) {
    if (textBlock) {
      body = TextBlocks.strip(body);
    }
    List<StrPart> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '\\' && !textBlock && i + 1 < body.length()) {
        char next = body.charAt(i + 1);
        switch (next) {
          case 'n' -> text.append('\n');
          case 't' -> text.append('\t');
          case '"', '\\', '$' -> text.append(next);
          default -> {
            diagnostics.add(Diagnostic.error(Code.SYNTAX, new SourceSpan(file, base + i, base + i + 2),
                "unknown escape `\\" + next + "`").withHint("the escapes are \\\" \\\\ \\n \\t \\$"));
            text.append(next);
          }
        }
        i += 2;
      } else if (c == '$' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
        int close = body.indexOf('}', i + 2);
        int at = textBlock ? span.start() : base + i;
        if (close < 0) {
          diagnostics.add(Diagnostic.error(Code.SYNTAX, new SourceSpan(file, at, textBlock ? span.end() : base + body.length()),
              "unterminated `${`").withHint("close the interpolation with `}`, or write `\\$` for a literal `$`"));
          text.append(body, i, body.length());
          break;
        }
        String path = body.substring(i + 2, close).trim();
        SourceSpan pathSpan = textBlock ? span : new SourceSpan(file, at, base + close + 1);
        if (!path.matches("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*")) {
          diagnostics.add(Diagnostic.error(Code.SYNTAX, pathSpan, "`${" + path + "}` is not a name to interpolate")
              .withHint("write `${name}`, `${param}` or `${cluster.domain}`"));
        }
        if (text.length() > 0) {
          parts.add(new StrPart.Text(text.toString()));
          text.setLength(0);
        }
        parts.add(new StrPart.Interpolation(path, pathSpan));
        i = close + 1;
      } else {
        text.append(c);
        i++;
      }
    }
    if (text.length() > 0 || parts.isEmpty()) {
      parts.add(new StrPart.Text(text.toString()));
    }
    return new Value.Str(span, List.copyOf(parts), textBlock);
  }
}
