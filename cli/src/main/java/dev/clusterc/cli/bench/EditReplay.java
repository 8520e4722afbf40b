package dev.clusterc.cli.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Random but realistic typing for the language-server bench, reproducible from a seed: an episode goes
 * to a random place of one of the open documents (the start of a line or anywhere in one), types a
 * fragment of the language key by key (an entry, a declaration, a reference, or a lone brace or quote
 * that breaks the syntax of everything after it), then takes the fragment back key by key with
 * backspaces. Every {@link #ASK_EVERY}th episode asks for completion at the end of the fragment, as an
 * editor does while one types, and waits for it: the answer needs the analysis of the text as it is then,
 * so the keystrokes never run far ahead of the server. Every episode leaves the documents as it found
 * them, so memory sampled between episodes is measured on the same text.
 */
final class EditReplay {
  /** What is typed: whole entries and declarations, references, and single characters that break the syntax. */
  private static final List<String> FRAGMENTS = List.of(
      "image \"ghcr.io/bench/new:2\"",
      "app extra { port http 80 }\n",
      "volume scratch { size 2Gi; backup none }\n",
      "}",
      "{",
      "\"",
      "database db1",
      " via web",
      "# a note\n",
      "x",
      "route \"extra.bench.example\" via web\n",
      "size 1Gi; ",
      "mount data1 at \"/srv\"",
      "app broken {\n  port http\n");

  /** How often an episode waits for a completion: between them keystrokes go as fast as the server reads them. */
  static final int ASK_EVERY = 4;

  private final List<LspDocument> documents;
  private final LspServerProcess server;
  private final Random random;
  private int episodes;

  EditReplay(LspServerProcess server, List<LspDocument> documents, long seed) {
    this.server = server;
    this.documents = documents;
    this.random = new Random(seed);
  }

  /** Replays one episode; returns how many edits (keystrokes) it sent. */
  int episode() {
    LspDocument document = documents.get(random.nextInt(documents.size()));
    String fragment = FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
    int at = place(document);
    Deque<Integer> typed = new ArrayDeque<>();
    for (int i = 0; i < fragment.length(); i++) {
      document.insert(at + i, fragment.substring(i, i + 1));
      typed.push(at + i);
    }
    if (++episodes % ASK_EVERY == 0) {
      server.complete(document.uri(), document.position(at + fragment.length()));
    }
    while (!typed.isEmpty()) {
      document.delete(typed.pop(), 1);
    }
    return 2 * fragment.length();
  }

  /** The start of a random line, or a random offset, half the time each. */
  private int place(LspDocument document) {
    int offset = random.nextInt(document.length() + 1);
    if (random.nextBoolean()) {
      String text = document.text();
      int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      return Math.min(lineStart, text.length());
    }
    return offset;
  }
}
