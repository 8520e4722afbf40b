package dev.clusterc.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mutators: lossless lexing, reproducible inputs, and every family of mutation in use. */
class MutationsTest {
  private static Corpus corpus;

  @BeforeAll
  static void load() throws IOException {
    corpus = Corpus.load(Corpus.findExamples());
  }

  @Test
  void theCorpusHoldsExamplesStdlibAndGeneratedClusters() {
    Set<String> families = new HashSet<>();
    corpus.seeds.forEach(seed -> families.add(seed.name().substring(0, seed.name().indexOf('/'))));
    assertEquals(Set.of("examples", "stdlib", "generated"), families);
    assertTrue(corpus.seeds.stream().anyMatch(s -> s.files().keySet().stream().anyMatch(f -> f.endsWith(".sops.yaml"))));
    assertFalse(corpus.seeds.stream().anyMatch(s -> s.files().keySet().stream().anyMatch(f -> f.startsWith("expected"))));
  }

  @Test
  void lexingAndJoiningGivesBackEveryText() {
    for (String text : corpus.clusterTexts()) {
      assertEquals(text, TokenText.lex(text).join());
    }
    String odd = "app x {\u0000 \"unterminated\n\uD83D\uDCA9 ### \r\n}";
    assertEquals(odd, TokenText.lex(odd).join());
  }

  @Test
  void declarationsAreFound() {
    TokenText text = TokenText.lex("use cilium\n\nvolume x { size 1Gi }\napp x {\n  image \"a\"\n  mount x at \"/d\"\n}\n");
    var found = text.declarations().stream().map(d -> d.kind() + " " + d.name()).toList();
    assertEquals(List.of("use cilium", "volume x", "app x"), found);
    var app = text.declarations().get(2);
    assertEquals("app x {\n  image \"a\"\n  mount x at \"/d\"\n}", text.text(app.start(), app.end()));
  }

  @Test
  void theSameSeedAndIndexMakeTheSameInput() {
    Mutations a = new Mutations(corpus, 42);
    Mutations b = new Mutations(corpus, 42);
    for (long i = 0; i < 50; i++) {
      FuzzInput x = a.make(i);
      FuzzInput y = b.make(i);
      assertEquals(x.describe(), y.describe());
      assertEquals(x.files.keySet(), y.files.keySet());
      for (Map.Entry<String, FuzzInput.Node> e : x.files.entrySet()) {
        if (e.getValue() instanceof FuzzInput.Regular r) {
          assertArrayEquals(r.bytes(), ((FuzzInput.Regular) y.files.get(e.getKey())).bytes());
        } else {
          assertEquals(e.getValue(), y.files.get(e.getKey()));
        }
      }
    }
    assertNotEquals(new Mutations(corpus, 43).make(0).describe() + new Mutations(corpus, 43).make(1).describe(),
        a.make(0).describe() + a.make(1).describe());
  }

  @Test
  void everyFamilyOfMutationIsUsed() {
    Mutations mutations = new Mutations(corpus, 7);
    StringBuilder all = new StringBuilder();
    boolean fifo = false;
    boolean link = false;
    for (long i = 0; i < 600; i++) {
      FuzzInput input = mutations.make(i);
      all.append(input.describe()).append('\n');
      fifo |= input.files.values().stream().anyMatch(n -> n instanceof FuzzInput.Fifo);
      link |= input.files.values().stream().anyMatch(n -> n instanceof FuzzInput.Link);
    }
    for (String family : new String[] {"flip bits", "replace token", "delete token", "swap tokens", "swapped for",
        "deleted ", "duplicated ", "named", "hostile content", "unchanged"}) {
      assertTrue(all.indexOf(family) >= 0, "no mutation `" + family + "` in 600 inputs");
    }
    assertTrue(fifo && link, "FIFOs and links among the inputs");
  }

  @Test
  void aSopsFileLosesItsMetadata() {
    String text = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nsops:\n  age: []\n  version: 3\nstringData:\n  k: v\n";
    String stripped = HostileYaml.withoutSops(text);
    assertFalse(stripped.contains("sops"), stripped);
    assertTrue(stripped.contains("stringData:\n  k: v"), stripped);
  }
}
