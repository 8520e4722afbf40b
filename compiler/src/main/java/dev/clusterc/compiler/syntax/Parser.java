package dev.clusterc.compiler.syntax;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.grammar.ClusterLexer;
import dev.clusterc.grammar.ClusterParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import java.nio.CharBuffer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Turns the text of one file into a {@link SourceUnit}. Never throws: what cannot be parsed becomes
 * placeholder nodes and {@code syntax} diagnostics, so one broken line does not hide the rest.
 */
public final class Parser {
  /** Brackets nested deeper than this are reported and skipped, which keeps the parser's stack bounded. */
  public static final int MAX_NESTING = 100;

  /** After this many syntax errors in one file, the rest are summarised in one line. */
  static final int MAX_SYNTAX_ERRORS = 50;

  private Parser() {}

  public static SourceUnit parse(SourceFile file) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    // Offsets count UTF-16 units, as SourceSpan does (CharStreams.fromString would count code points).
    CharStream chars = CodePointCharStream.fromBuffer(CodePointBuffer.withChars(CharBuffer.wrap(file.text().toCharArray())), file.path());
    ClusterLexer lexer = new ClusterLexer(chars);
    lexer.removeErrorListeners();
    CommonTokenStream lexed = new CommonTokenStream(lexer);
    lexed.fill();
    Brackets.Balanced balanced = Brackets.balance(file, lexed.getTokens(), diagnostics);
    CommonTokenStream tokens = new CommonTokenStream(new ListTokenSource(StrayRuns.fold(balanced.tokens())));
    tokens.fill();

    RecoveryStrategy recovery = new RecoveryStrategy();
    ClusterParser.FileContext tree = parseTree(file, tokens, recovery, diagnostics);

    AstBuilder builder = new AstBuilder(file, tokens.getTokens(), balanced.virtualClosers(), recovery::cutAt, diagnostics);
    List<Item> items = builder.file(tree);
    for (Token left : recovery.unreported()) {
      SourceSpan span = tokenSpan(file, left);
      if (diagnostics.stream().noneMatch(d -> d.span().start() == span.start())) {
        diagnostics.add(SyntaxMessages.unexpected(left, span, null)); // never silent, whatever the builder did
      }
    }
    List<SourceUnit.Comment> comments = new ArrayList<>();
    for (Token token : lexed.getTokens()) {
      if (token.getType() == ClusterLexer.COMMENT) {
        comments.add(new SourceUnit.Comment(token.getStartIndex(), token.getText()));
      }
    }
    return new SourceUnit(file, List.copyOf(items), List.copyOf(comments), capped(file, diagnostics));
  }

  /**
   * Parses in two stages: the fast SLL prediction mode first, bailing out at the first error; only
   * input that has an error is parsed again in full LL mode with error recovery and reporting.
   */
  private static ClusterParser.FileContext parseTree(SourceFile file, CommonTokenStream tokens, RecoveryStrategy recovery,
      List<Diagnostic> diagnostics) {
    ClusterParser parser = new ClusterParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return parser.file();
    } catch (ParseCancellationException e) {
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(recovery);
      parser.addErrorListener(new SyntaxErrorCollector(file, diagnostics));
      return parser.file();
    }
  }

  private static List<Diagnostic> capped(SourceFile file, List<Diagnostic> diagnostics) {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Diagnostic.ORDER);
    List<Diagnostic> kept = new ArrayList<>();
    int lastStart = -1;
    for (Diagnostic d : sorted) {
      if (d.span().start() == lastStart && d.code() == Code.SYNTAX) {
        continue; // ANTLR and the builder may both report one spot; the first says enough
      }
      lastStart = d.span().start();
      kept.add(d);
    }
    if (kept.size() <= MAX_SYNTAX_ERRORS) {
      return List.copyOf(kept);
    }
    // The nesting limit explains everything after it: keep it whatever its position.
    kept.stream().filter(d -> d.message().startsWith("brackets nested deeper")).findFirst().ifPresent(nesting -> {
      kept.remove(nesting);
      kept.add(0, nesting);
    });
    Diagnostic last = kept.get(MAX_SYNTAX_ERRORS);
    List<Diagnostic> head = new ArrayList<>(kept.subList(0, MAX_SYNTAX_ERRORS));
    head.sort(Diagnostic.ORDER);
    head.add(Diagnostic.error(Code.SYNTAX, last.span(),
        (kept.size() - MAX_SYNTAX_ERRORS) + " more syntax errors in this file are not shown")
        .withHint("is " + file.path() + " a .cluster file?"));
    return List.copyOf(head);
  }

  static SourceSpan tokenSpan(SourceFile file, Token token) {
    if (token.getType() == Token.EOF) {
      return SourceSpan.at(file, file.text().length());
    }
    // Tokens that ANTLR's recovery conjures up for missing input have no position (-1).
    int start = Math.max(0, Math.min(token.getStartIndex(), file.text().length()));
    int end = Math.max(start, Math.min(token.getStopIndex() + 1, file.text().length()));
    return new SourceSpan(file, start, end);
  }

  /** Turns ANTLR's reports into diagnostics worded for people. */
  private static final class SyntaxErrorCollector extends BaseErrorListener {
    private final SourceFile file;
    private final List<Diagnostic> diagnostics;

    SyntaxErrorCollector(SourceFile file, List<Diagnostic> diagnostics) {
      this.file = file;
      this.diagnostics = diagnostics;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column,
        String antlrMessage, RecognitionException e) {
      if (!(offending instanceof Token token)) {
        return;
      }
      SourceSpan span = tokenSpan(file, token);
      IntervalSet expected = recognizer instanceof ClusterParser parser ? parser.getExpectedTokens() : null;
      diagnostics.add(SyntaxMessages.unexpected(token, span, expected));
    }
  }
}
