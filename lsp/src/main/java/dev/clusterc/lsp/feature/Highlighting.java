package dev.clusterc.lsp.feature;

import dev.clusterc.compiler.api.DocumentToken;
import dev.clusterc.compiler.api.Documents;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.lsp.workspace.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.SemanticTokenModifiers;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Semantic tokens: the compiler's own reading of a document ({@code Navigator.tokens}: which word
 * is a kind, a declared name, a reference, a symbol), encoded as the protocol's relative integers.
 * A token spanning lines (a text block) is cut per line, as clients require. Without an analysis
 * (it crashed) the document's syntax alone still colours it.
 */
public final class Highlighting {
  /** The token types, indexed by {@link #type}. */
  private static final List<String> TYPES = List.of(SemanticTokenTypes.Keyword, SemanticTokenTypes.Variable,
      SemanticTokenTypes.Function, SemanticTokenTypes.Parameter, SemanticTokenTypes.Type, SemanticTokenTypes.Property,
      SemanticTokenTypes.EnumMember, SemanticTokenTypes.String, SemanticTokenTypes.Number, SemanticTokenTypes.Comment,
      SemanticTokenTypes.Operator);

  /** The token modifiers, as bits in this order. */
  private static final List<String> MODIFIERS = List.of(SemanticTokenModifiers.Declaration, SemanticTokenModifiers.DefaultLibrary);

  /** The token types and modifiers the tokens are indices into. */
  public static final SemanticTokensLegend LEGEND = new SemanticTokensLegend(TYPES, MODIFIERS);

  private Highlighting() {}

  public static SemanticTokens tokens(Snapshot snapshot, SemanticTokensParams params, CancelChecker cancel) {
    String uri = params.getTextDocument().getUri();
    Optional<String> path = snapshot.path(uri);
    List<DocumentToken> tokens;
    if (path.isPresent() && snapshot.navigator().isPresent()) {
      tokens = snapshot.navigator().get().tokens(path.get());
    } else {
      Optional<SourceFile> document = snapshot.document(uri);
      tokens = document.map(Documents::tokens).orElse(List.of());
    }
    cancel.checkCanceled();
    return new SemanticTokens(encode(tokens, cancel));
  }

  /** The protocol's encoding: per piece, the line and start relative to the previous piece, its length, type and modifiers. */
  public static List<Integer> encode(List<DocumentToken> tokens, CancelChecker cancel) {
    List<Integer> data = new ArrayList<>(tokens.size() * 5);
    int lastLine = 0;
    int lastStart = 0;
    int count = 0;
    for (DocumentToken token : tokens) {
      if (++count % 1024 == 0) {
        cancel.checkCanceled();
      }
      SourceFile file = token.span().file();
      int type = type(token.role());
      int modifiers = 0;
      for (DocumentToken.Modifier modifier : token.modifiers()) {
        modifiers |= 1 << MODIFIERS.indexOf(switch (modifier) {
          case DECLARATION -> SemanticTokenModifiers.Declaration;
          case LIBRARY -> SemanticTokenModifiers.DefaultLibrary;
        });
      }
      int firstLine = token.span().begin().line();
      int lastLineOfToken = token.span().finish().line();
      for (int line = firstLine; line <= lastLineOfToken; line++) {
        int lineStart = file.offset(line, 1);
        int lineEnd = lineStart + file.lineText(line).length();
        int start = Math.max(token.span().start(), lineStart);
        int end = Math.min(token.span().end(), lineEnd);
        if (end <= start) {
          continue;
        }
        int zeroLine = line - 1;
        int character = start - lineStart;
        data.add(zeroLine - lastLine);
        data.add(zeroLine == lastLine ? character - lastStart : character);
        data.add(end - start);
        data.add(type);
        data.add(modifiers);
        lastLine = zeroLine;
        lastStart = character;
      }
    }
    return data;
  }

  /** The legend's index of a role's token type. */
  static int type(DocumentToken.Role role) {
    String type = switch (role) {
      case KEYWORD, KIND -> SemanticTokenTypes.Keyword;
      case NAME, REFERENCE, INTERPOLATION -> SemanticTokenTypes.Variable;
      case TEMPLATE_NAME -> SemanticTokenTypes.Function;
      case PARAMETER -> SemanticTokenTypes.Parameter;
      case TYPE -> SemanticTokenTypes.Type;
      case ENTRY_KEY, MAP_KEY -> SemanticTokenTypes.Property;
      case SYMBOL -> SemanticTokenTypes.EnumMember;
      case STRING -> SemanticTokenTypes.String;
      case NUMBER, ADDRESS -> SemanticTokenTypes.Number;
      case COMMENT -> SemanticTokenTypes.Comment;
      case OPERATOR -> SemanticTokenTypes.Operator;
    };
    return TYPES.indexOf(type);
  }
}
