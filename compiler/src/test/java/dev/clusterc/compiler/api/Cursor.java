package dev.clusterc.compiler.api;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.source.Position;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.syntax.Parser;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LemMinX-style cursor fixtures: a document's text carries a {@code |} where the cursor is; the
 * marker is stripped, every document is parsed and analysed as one cluster, and the test asks the
 * navigator at the marked position.
 */
final class Cursor {
  final Navigator navigator;
  final Program program;
  final String path;
  final Position position;

  private Cursor(Program program, String path, Position position) {
    this.program = program;
    this.navigator = new Navigator(program);
    this.path = path;
    this.position = position;
  }

  /** One document, {@code test.cluster}, with the cursor in it. */
  static Cursor in(String marked) {
    return in(Map.of("test.cluster", marked));
  }

  /** Several documents (in the map's order); exactly one of them carries the cursor. */
  static Cursor in(Map<String, String> documents) {
    List<SourceUnit> units = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    String path = null;
    Position position = null;
    for (var document : documents.entrySet()) {
      String text = document.getValue();
      int marker = text.indexOf('|');
      if (marker >= 0) {
        text = text.substring(0, marker) + text.substring(marker + 1);
        path = document.getKey();
        position = new SourceFile(path, text).position(marker);
      }
      SourceUnit unit = Parser.parse(new SourceFile(document.getKey(), text));
      units.add(unit);
      diagnostics.addAll(unit.diagnostics());
    }
    if (path == null) {
      throw new IllegalArgumentException("no | cursor marker in the documents");
    }
    return new Cursor(Frontend.analyze(units, diagnostics), path, position);
  }

  List<Symbol> definition() {
    return navigator.definition(path, position);
  }

  Completion completion() {
    return navigator.completion(path, position);
  }

  /** A span as {@code file:line:col-line:col: text}, for readable assertions. */
  static String show(dev.clusterc.compiler.source.SourceSpan span) {
    return span.file().path() + ":" + span.begin() + "-" + span.finish() + " " + span.text();
  }

  static String show(Symbol symbol) {
    return symbol.keyword() + " " + symbol.name() + " @ " + show(symbol.selection());
  }
}
