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
import java.util.function.IntPredicate;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds the items of a file from ANTLR's parse tree: declarations, templates, uses, imports, blocks
 * and entries. Values are left to {@link ValueBuilder}. Says what is missing (a name, a `{`, a `}`),
 * which the tolerant grammar lets through silently.
 */
final class AstBuilder {
  private final SourceFile file;
  private final List<Token> tokens;
  private final List<Diagnostic> diagnostics;
  private final Map<Token, Token> virtualClosers;
  private final ValueBuilder values;
  private final Slips slips;

  AstBuilder(SourceFile file, List<Token> tokens, Map<Token, Token> virtualClosers, IntPredicate cutAt,
      List<Diagnostic> diagnostics) {
    this.file = file;
    this.tokens = tokens;
    this.virtualClosers = virtualClosers;
    this.diagnostics = diagnostics;
    this.values = new ValueBuilder(file, virtualClosers, diagnostics);
    this.slips = new Slips(file, tokens, cutAt, diagnostics);
  }

  List<Item> file(ClusterParser.FileContext ctx) {
    strays(ctx.ERROR_CHAR());
    List<Item> items = new ArrayList<>();
    for (ClusterParser.ItemContext item : ctx.item()) {
      Item built = item(item);
      if (built != null) {
        items.add(built);
      }
    }
    return items;
  }

  private Item item(ClusterParser.ItemContext ctx) {
    if (ctx.importDecl() != null) {
      return importDecl(ctx.importDecl());
    }
    if (ctx.useDecl() != null) {
      return useDecl(ctx.useDecl());
    }
    if (ctx.templateDecl() != null) {
      return templateDecl(ctx.templateDecl());
    }
    if (ctx.declaration() != null) {
      return declaration(ctx.declaration());
    }
    return null;
  }

  // importDecl : IMPORT path=STRING?
  private Item importDecl(ClusterParser.ImportDeclContext ctx) {
    Value.Str path = null;
    if (ctx.path == null) {
      report(after(ctx.start), "expected a path string after `import`", "write `import \"apps\"` or `import \"std/cilium\"`");
    } else {
      path = (Value.Str) values.token(ctx.path);
    }
    return new Item.Import(span(ctx), doc(ctx), path);
  }

  // useDecl : USE ( name=IDENT stray? ( NL* block )? | nameless )
  private Item useDecl(ClusterParser.UseDeclContext ctx) {
    Name name = name(ctx.name);
    if (name == null) {
      report(after(ctx.start), "expected a component name after `use`", "write `use cilium`");
    } else {
      slips.header("use " + name.text(), ctx.stray(), ctx.block());
    }
    ClusterParser.BlockContext bodyCtx = body(ctx.block(), ctx.nameless());
    Block body = bodyCtx == null ? null : block(bodyCtx, "`use " + text(name) + "`");
    return new Item.Use(span(ctx), doc(ctx), name, body);
  }

  // templateDecl : TEMPLATE name=IDENT? LPAREN params close=RPAREN? FOR ( kind=IDENT stray? ( NL* block )? | nameless )
  private Item templateDecl(ClusterParser.TemplateDeclContext ctx) {
    Name name = name(ctx.name);
    if (name == null) {
      report(after(ctx.start), "expected a template name after `template`", null);
    }
    List<Item.Param> params = new ArrayList<>();
    for (ClusterParser.ParamContext p : ctx.param()) {
      if (p.name == null || p.COLON() == null) {
        continue; // ANTLR reported what is missing
      }
      Name type = name(p.type);
      if (type == null) {
        report(after(p.COLON().getSymbol()), "expected a type after `" + p.name.getText() + ":`",
            "a parameter type is `string`, `int`, `quantity`, `duration`, `ip`, `cidr`, `bool`, `symbol` or a kind");
      }
      Value defaultValue = p.value() == null ? null : values.value(p.value());
      params.add(new Item.Param(span(p), name(p.name), type, defaultValue));
    }
    if (ctx.LPAREN() == null) {
      report(after(ctx.stop), "expected `(` after the template's name", "write `template NAME(PARAM: TYPE, …) for KIND { … }`");
    } else {
      checkClosed(ctx.LPAREN().getSymbol(), ctx.close, "the parameters of template `" + text(name) + "`");
    }
    Name kind = name(ctx.kind);
    if (kind == null && ctx.FOR() != null) {
      report(after(ctx.FOR().getSymbol()), "expected a kind after `for`", "write `for app`");
    }
    if (name != null && kind != null) {
      slips.header("template " + name.text() + "(…) for " + kind.text(), ctx.stray(), ctx.block());
    }
    Block body = null;
    ClusterParser.BlockContext bodyCtx = body(ctx.block(), ctx.nameless());
    if (bodyCtx != null) {
      body = block(bodyCtx, "template `" + text(name) + "`");
    } else if (kind != null) {
      report(after(ctx.stop), "expected `{` to start the body of template `" + text(name) + "`", null);
    }
    return new Item.Template(span(ctx), doc(ctx), name, List.copyOf(params), kind, body);
  }

  // declaration : kind=IDENT name=IDENT ( FROM template=IDENT templateArgs? )? stray? ( NL* block )?
  //             | kind=IDENT ( FROM template=IDENT templateArgs? stray? ( NL* block )? | nameless )
  private Item declaration(ClusterParser.DeclarationContext ctx) {
    // When no alternative fits (`app` alone on its line), ANTLR fails before it labels the kind.
    Token kindToken = ctx.kind != null ? ctx.kind : ctx.start;
    Name kind = name(kindToken);
    if (kind == null) {
      return null; // nothing to build; ANTLR reported what it found
    }
    Name name = name(ctx.name);
    String what = "`" + kind.text() + (name == null ? "" : " " + name.text()) + "`";
    if (name == null) {
      report(after(kindToken), "expected a name after `" + kind.text() + "`",
          "a declaration is `KIND NAME { … }`, as in `app sonarr { … }`");
    } else {
      String from = ctx.template == null ? "" : " from " + ctx.template.getText() + (ctx.templateArgs() == null ? "" : "(…)");
      slips.header(kind.text() + " " + name.text() + from, ctx.stray(), ctx.block());
    }
    Item.TemplateCall from = null;
    if (ctx.FROM() != null) {
      from = templateCall(ctx);
    }
    // The block is optional: `app radarr from media-app(port: 7878)` needs no entries of its own.
    ClusterParser.BlockContext bodyCtx = body(ctx.block(), ctx.nameless());
    Block body = bodyCtx == null ? null : block(bodyCtx, what);
    return new Item.Declaration(span(ctx), doc(ctx), kind, name, from, body);
  }

  /** The body of an item, written after its name or, when the name is missing, in its {@code nameless} part. */
  private static ClusterParser.BlockContext body(ClusterParser.BlockContext direct, ClusterParser.NamelessContext nameless) {
    return direct != null ? direct : nameless != null ? nameless.block() : null;
  }

  private Item.TemplateCall templateCall(ClusterParser.DeclarationContext ctx) {
    Name template = name(ctx.template);
    if (template == null) {
      report(after(ctx.FROM().getSymbol()), "expected a template name after `from`", null);
      return null;
    }
    List<Item.Arg> args = new ArrayList<>();
    ClusterParser.TemplateArgsContext argsCtx = ctx.templateArgs();
    if (argsCtx != null) {
      for (ClusterParser.ArgContext a : argsCtx.arg()) {
        args.add(new Item.Arg(span(a), name(a.name), values.value(a.value())));
      }
      checkClosed(argsCtx.start, argsCtx.close, "the arguments of `" + template.text() + "`");
    }
    SourceSpan span = new SourceSpan(file, ctx.FROM().getSymbol().getStartIndex(),
        argsCtx != null ? span(argsCtx).end() : template.span().end());
    return new Item.TemplateCall(span, template, List.copyOf(args));
  }

  // block : LBRACE ( entry | NL | SEMI )* close=RBRACE?
  Block block(ClusterParser.BlockContext ctx, String owner) {
    strays(ctx.ERROR_CHAR());
    List<Entry> entries = new ArrayList<>();
    for (ClusterParser.EntryContext e : ctx.entry()) {
      entries.add(entry(e));
    }
    boolean closed = checkClosed(ctx.start, ctx.close, owner);
    return new Block(span(ctx), List.copyOf(entries), closed);
  }

  // entry : key=IDENT value* block?
  private Entry entry(ClusterParser.EntryContext ctx) {
    Name key = name(ctx.key);
    List<Value> args = new ArrayList<>();
    for (ClusterParser.ValueContext v : ctx.value()) {
      args.add(values.value(v));
    }
    Block block = ctx.block() == null ? null : block(ctx.block(), "`" + key.text() + "`");
    Value.Bad cut = slips.cutShort(ctx.stop != null ? ctx.stop : ctx.start, key.text(), args.isEmpty() && block == null);
    if (cut != null) {
      args.add(cut); // the rest of the line was skipped after a syntax error: marked, not bound as written
    }
    return new Entry(span(ctx), key, List.copyOf(args), block);
  }

  private void strays(List<org.antlr.v4.runtime.tree.TerminalNode> strays) {
    for (var stray : strays) {
      diagnostics.add(SyntaxMessages.unexpected(stray.getSymbol(), Parser.tokenSpan(file, stray.getSymbol()), null));
    }
  }

  /**
   * Whether a bracket was closed in the source. A virtual closer (see {@link Brackets}) is reported
   * at the opening bracket, which says which block is open; a closer that is absent altogether was
   * already reported by ANTLR.
   */
  private boolean checkClosed(Token opener, Token closer, String owner) {
    if (closer == null || closer.getTokenIndex() < 0) {
      return false;
    }
    if (!virtualClosers.containsKey(closer)) {
      return true;
    }
    diagnostics.add(Diagnostic.error(Code.SYNTAX, Parser.tokenSpan(file, opener), "missing `" + closer.getText() + "` to close " + owner)
        .withHint("add `" + closer.getText() + "` after line " + closer.getLine() + ", where " + owner + " ends")
        .withRelated(Parser.tokenSpan(file, closer), owner + " ends here"));
    return false;
  }

  private void report(SourceSpan span, String message, String hint) {
    diagnostics.add(Diagnostic.error(Code.SYNTAX, span, message).withHint(hint));
  }

  /** An empty span just after a token: where something missing should have been. */
  private SourceSpan after(Token token) {
    return SourceSpan.at(file, Math.max(0, Math.min(token.getStopIndex() + 1, file.text().length())));
  }

  private Name name(Token token) {
    if (token == null || token.getType() != ClusterLexer.IDENT || token.getTokenIndex() < 0) {
      return null;
    }
    return new Name(Parser.tokenSpan(file, token), token.getText());
  }

  private static String text(Name name) {
    return name == null ? "?" : name.text();
  }

  SourceSpan span(ParserRuleContext ctx) {
    Token stop = ctx.stop;
    if (stop == null || stop.getTokenIndex() < ctx.start.getTokenIndex() || stop.getType() == Token.EOF) {
      stop = ctx.start;
    }
    int start = Math.min(ctx.start.getStartIndex(), file.text().length());
    if (ctx.start.getType() == Token.EOF) {
      return SourceSpan.at(file, file.text().length());
    }
    int end = Math.min(Math.max(stop.getStopIndex() + 1, start), file.text().length());
    return new SourceSpan(file, start, end);
  }

  /** The comment lines directly above an item (no blank line between), without their {@code #}. */
  private String doc(ParserRuleContext ctx) {
    List<String> lines = new ArrayList<>();
    int i = ctx.start.getTokenIndex() - 1;
    while (i >= 1 && tokens.get(i).getType() == ClusterLexer.NL && tokens.get(i - 1).getType() == ClusterLexer.COMMENT
        && (i - 2 < 0 || tokens.get(i - 2).getType() == ClusterLexer.NL)) {
      String text = tokens.get(i - 1).getText().substring(1);
      lines.add(0, text.startsWith(" ") ? text.substring(1) : text);
      i -= 2;
    }
    return String.join("\n", lines);
  }
}
