package dev.clusterc.cli.fuzz;

import dev.clusterc.grammar.ClusterLexer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile files behind the paths a cluster names: the {@code manifests}, {@code sops} and
 * {@code sealed} files (and imports) get hostile contents ({@link HostileYaml}), or become a FIFO, a
 * link to {@code /dev/zero}, a link loop, a directory, a dangling link or a link out of the
 * workspace; or the path string itself becomes hostile. When the seed names no such file, an entry
 * naming one is added first.
 */
final class HostileFiles {
  /** A path string in a source: which file, which token, after which keyword, resolved in the input. */
  private record Reference(String file, int token, String keyword, String resolved) {}

  private static final String[] PATH_STRINGS = {"/dev/zero", "/dev/null", "/", ".", "..", "", "../outside.yaml",
      "../../../../../../../../etc/hostname", FuzzInput.OUTSIDE + "/victim.yaml", "fz/", "fz.fifo", "/proc/self/status",
      "secrets/../../src/cluster.cluster", "x".repeat(5000)};

  private HostileFiles() {}

  static String mutate(FuzzInput input, Random random) {
    if (random.nextInt(8) == 0) {
      return escape(input, random);
    }
    List<Reference> references = references(input);
    if (references.isEmpty() || random.nextInt(4) == 0) {
      String added = inject(input, random, random.nextBoolean());
      if (added == null) {
        return null;
      }
      references = references(input);
      if (references.isEmpty()) {
        return added;
      }
    }
    Reference ref = references.get(random.nextInt(references.size()));
    HostileYaml.Role role = switch (ref.keyword()) {
      case "sops" -> HostileYaml.Role.SOPS;
      case "sealed" -> HostileYaml.Role.SEALED;
      default -> HostileYaml.Role.MANIFESTS;
    };
    switch (random.nextInt(10)) {
      case 0, 1, 2, 3, 4 -> {
        if (ref.keyword().equals("import")) {
          return null;
        }
        input.put(ref.resolved(), HostileYaml.generate(role, input.text(ref.resolved()), random));
        return "hostile content in " + ref.keyword() + " file " + ref.resolved();
      }
      case 5, 6 -> {
        FuzzInput.Node node = switch (random.nextInt(7)) {
          case 0 -> new FuzzInput.Fifo();
          case 1 -> new FuzzInput.Link("/dev/zero");
          case 2 -> new FuzzInput.Link(Path.of(ref.resolved()).getFileName().toString());
          case 3 -> new FuzzInput.Dir();
          case 4 -> new FuzzInput.Link("does-not-exist");
          case 5 -> new FuzzInput.Link(FuzzInput.OUTSIDE + "/victim.yaml");
          default -> new FuzzInput.Link(random.nextBoolean() ? "." : "..");
        };
        input.files.put(ref.resolved(), node);
        return ref.keyword() + " file " + ref.resolved() + " is " + node;
      }
      case 7 -> {
        String path = PATH_STRINGS[random.nextInt(PATH_STRINGS.length)];
        if (path.equals("fz.fifo")) {
          input.files.put(sibling(ref.file(), "fz.fifo"), new FuzzInput.Fifo());
        }
        setString(input, ref, "\"" + path + "\"");
        return ref.keyword() + " path replaced by " + (path.length() > 40 ? path.length() + " characters" : path);
      }
      case 8 -> {
        if (!ref.keyword().equals("manifests")) {
          return null;
        }
        String yaml = new String(HostileYaml.generate(role, "", random), StandardCharsets.UTF_8);
        setString(input, ref, "\"\"\"\n" + yaml.replace("\"\"\"", "'''") + "\"\"\"");
        return "hostile inline manifests in " + ref.file();
      }
      default -> {
        return hostileSource(input, random);
      }
    }
  }

  /** A source path that is not a regular file: a FIFO, {@code /dev/zero}, a link loop to import. */
  private static String hostileSource(FuzzInput input, Random random) {
    String first = input.clusterFiles().isEmpty() ? "cluster.cluster" : input.clusterFiles().get(0);
    switch (random.nextInt(5)) {
      case 0 -> {
        input.files.put("zz-fifo.cluster", new FuzzInput.Fifo());
        return "source zz-fifo.cluster is a FIFO";
      }
      case 1 -> {
        input.files.put("zz-zero.cluster", new FuzzInput.Link("/dev/zero"));
        return "source zz-zero.cluster is a link to /dev/zero";
      }
      case 2 -> {
        input.files.put("loop", new FuzzInput.Link("."));
        input.files.put("lib/up", new FuzzInput.Link(".."));
        input.files.put("lib/x.cluster", new FuzzInput.Regular("import \"up/loop\"\nimport \"../loop/lib\"\n".getBytes()));
        input.put(first, "import \"loop\"\nimport \"lib\"\n" + input.text(first));
        return "imports through link loops loop -> . and lib/up -> ..";
      }
      case 3 -> {
        input.files.put("fz.fifo.cluster", new FuzzInput.Fifo());
        input.put(first, "import \"fz.fifo.cluster\"\n" + input.text(first));
        return "import of a FIFO";
      }
      default -> {
        input.files.put("zz-dir.cluster", new FuzzInput.Dir());
        input.put(first, "import \"/dev/zero\"\nimport \"" + FuzzInput.OUTSIDE + "\"\n" + input.text(first));
        return "import of /dev/zero and of a directory outside; a directory zz-dir.cluster";
      }
    }
  }

  /**
   * One object whose kind, name or namespace is a path out of the output, in a {@code manifests}
   * file of its own, so that it is the input's only fault and compile gets as far as writing it.
   */
  static String escape(FuzzInput input, Random random) {
    String added = inject(input, random, false);
    if (added == null) {
      return null;
    }
    String path = HostileYaml.ESCAPES[random.nextInt(HostileYaml.ESCAPES.length)];
    String quoted = "\"" + path + "\"";
    String object = switch (random.nextInt(3)) {
      case 0 -> "apiVersion: v1\nkind: " + quoted + "\nmetadata:\n  name: fz\n";
      case 1 -> "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + quoted + "\n";
      default -> "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fz\n  namespace: " + quoted + "\n";
    };
    for (Reference ref : references(input)) {
      if (ref.keyword().equals("manifests") && ref.resolved().endsWith("fz/extra.yaml")) {
        input.put(ref.resolved(), object);
      }
    }
    return added + ", an object with " + path + " in it";
  }

  /** Adds a sops secret or a manifests entry naming a file in {@code fz/}; what it added, or null. */
  private static String inject(FuzzInput input, Random random, boolean secret) {
    List<String> clusters = input.clusterFiles();
    if (clusters.isEmpty()) {
      return null;
    }
    String file = clusters.get(random.nextInt(clusters.size()));
    String dir = parent(file);
    if (secret) {
      input.put(file, input.text(file) + "\nsecret fz-secret { sops \"fz/fz.sops.yaml\"; keys [\"k\"] }\n");
      input.put(dir + "fz/fz.sops.yaml", HostileYaml.generate(HostileYaml.Role.SOPS, "", random));
      return "added secret fz-secret";
    }
    TokenText text = TokenText.lex(input.text(file));
    for (TokenText.Declaration d : text.declarations()) {
      if (d.kind().equals("app")) {
        for (int i = d.nameIndex(); i <= d.end(); i++) {
          if (text.pieces.get(i).type() == ClusterLexer.LBRACE) {
            TokenText.Piece brace = text.pieces.get(i);
            text.pieces.set(i, brace.withText("{\n  manifests \"fz/extra.yaml\"\n"));
            input.put(file, text.join());
            input.put(dir + "fz/extra.yaml", HostileYaml.generate(HostileYaml.Role.MANIFESTS, "", random));
            return "added manifests to app " + d.name();
          }
        }
      }
    }
    input.put(file, input.text(file) + "\napp fz-app { image \"a:1\"; manifests \"fz/extra.yaml\" }\n");
    input.put(dir + "fz/extra.yaml", HostileYaml.generate(HostileYaml.Role.MANIFESTS, "", random));
    return "added app fz-app with manifests";
  }

  private static List<Reference> references(FuzzInput input) {
    List<Reference> found = new ArrayList<>();
    for (String file : input.clusterFiles()) {
      List<TokenText.Piece> pieces = TokenText.lex(input.text(file)).pieces;
      for (int i = 1; i < pieces.size(); i++) {
        TokenText.Piece piece = pieces.get(i);
        String keyword = pieces.get(i - 1).text();
        boolean names = keyword.equals("sops") || keyword.equals("sealed") || keyword.equals("manifests") || keyword.equals("import");
        if (names && piece.type() == ClusterLexer.STRING && piece.text().length() >= 2) {
          String path = piece.text().substring(1, piece.text().length() - 1);
          // A path no file system can hold (a NUL put there by an earlier mutation) names no file to replace.
          if (!path.isEmpty() && !path.startsWith("/") && !path.startsWith("std") && path.indexOf('\0') < 0) {
            String resolved = Path.of(parent(file) + path).normalize().toString();
            if (!resolved.startsWith("..") && !resolved.isEmpty()) {
              found.add(new Reference(file, i, keyword, resolved));
            }
          }
        }
      }
    }
    return found;
  }

  private static void setString(FuzzInput input, Reference ref, String literal) {
    TokenText text = TokenText.lex(input.text(ref.file()));
    text.pieces.set(ref.token(), text.pieces.get(ref.token()).withText(literal));
    input.put(ref.file(), text.join());
  }

  private static String parent(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "" : file.substring(0, slash + 1);
  }

  private static String sibling(String file, String name) {
    return parent(file) + name;
  }
}
