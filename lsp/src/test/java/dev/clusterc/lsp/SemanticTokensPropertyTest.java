package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.api.DocumentToken;
import dev.clusterc.compiler.api.Documents;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.lsp.feature.Highlighting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any example file and any random edit of it, the encoded tokens are sorted, never overlap and
 * lie inside the text: from the document's syntax alone, and from an analysis of its cluster.
 */
class SemanticTokensPropertyTest {
  private static final List<Path> FILES = exampleFiles();
  private static final String PIECES = "{}[]()\"\"\"$#:=,;\n\r\t \\ab-_.0123456789/é😀";

  /** An example file with one range of it replaced by random text. */
  record Edited(Path file, String text) {}

  @Property(tries = 300)
  void tokensOfAnEditedExampleAreWellFormed(@ForAll("edits") Edited edited) {
    SourceFile file = new SourceFile(edited.file().getFileName().toString(), edited.text());
    List<DocumentToken> tokens = Documents.tokens(file);
    DecodedTokens.decode(Highlighting.encode(tokens, () -> {})).assertWellFormed(edited.text());
  }

  @Property(tries = 40)
  void tokensOfAnAnalysedEditedExampleAreWellFormed(@ForAll("edits") Edited edited) {
    Path directory = edited.file().getParent().toAbsolutePath().normalize();
    var navigator = ClusterCompiler.open(directory, directory)
        .overlay(edited.file().toAbsolutePath().normalize(), edited.text()).analyse().navigator();
    List<DocumentToken> tokens = navigator.tokens(edited.file().getFileName().toString());
    assertFalse(tokens.isEmpty(), "the analysis knows the edited document");
    assertEquals(edited.text(), tokens.get(0).span().file().text(), "the tokens are of the edited text");
    DecodedTokens.decode(Highlighting.encode(tokens, () -> {})).assertWellFormed(edited.text());
  }

  @Property(tries = 10)
  void everyUneditedExampleFileIsWellFormed(@ForAll("files") Path path) throws IOException {
    String text = Files.readString(path);
    DecodedTokens.decode(Highlighting.encode(Documents.tokens(new SourceFile("x.cluster", text)), () -> {}))
        .assertWellFormed(text);
  }

  @Provide
  Arbitrary<Path> files() {
    return Arbitraries.of(FILES);
  }

  @Provide
  Arbitrary<Edited> edits() {
    Arbitrary<String> inserted = Arbitraries.strings().withChars(PIECES.toCharArray()).ofMaxLength(12);
    return Combinators.combine(files(), Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 40), inserted)
        .as((path, where, removed, text) -> {
          String original = read(path);
          int at = (int) (where * original.length());
          int end = Math.min(original.length(), at + removed);
          return new Edited(path, original.substring(0, at) + text + original.substring(end));
        });
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> exampleFiles() {
    try (Stream<Path> walk = Files.walk(Path.of("../examples"), 2)) {
      return walk.filter(p -> p.toString().endsWith(".cluster")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
