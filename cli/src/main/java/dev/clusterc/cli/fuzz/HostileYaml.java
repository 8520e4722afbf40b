package dev.clusterc.cli.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Contents for {@code manifests}, {@code sops} and {@code sealed} files that a careless reader gets
 * wrong: aliases and anchors, NUL bytes, names and kinds that are paths ({@code ../}, absolute),
 * objects Kubernetes sees as one ({@code kind: configmap} and {@code ConfigMap}), huge documents,
 * binary bytes, deep nesting, odd shapes, and SOPS files without their {@code sops:} metadata.
 */
final class HostileYaml {
  /** What a generated document claims to be. */
  enum Role { MANIFESTS, SOPS, SEALED }

  /** A name or kind that is a path: written naively, it lands outside the output. */
  static final String[] PATH_NAMES = {
      "../../../../../../../../fz-escaped", "../../../../fz-escaped", "..", ".", "a/b", "a\\b",
      FuzzInput.OUTSIDE + "/fz-abs", "fz/../../../../../../../../../fz-escaped", "", " ", "UPPER", "x".repeat(300)};

  /** Paths that climb out of the output directory, from any depth of the tree, or jump out of it. */
  static final String[] ESCAPES = {"../../../../fz-escaped", "../../../../../../../../fz-escaped",
      "fz/../../../../../../../../../fz-escaped", FuzzInput.OUTSIDE + "/fz-abs", "../fz", "..", "."};

  private HostileYaml() {}

  /** A hostile content for a file of {@code role}; {@code original} is what was there (may be empty). */
  static byte[] generate(Role role, String original, Random random) {
    String kind = role == Role.SOPS ? "Secret" : role == Role.SEALED ? "SealedSecret" : "ConfigMap";
    String api = role == Role.SEALED ? "bitnami.com/v1alpha1" : "v1";
    String name = "fz-" + random.nextInt(5);
    String text = switch (random.nextInt(17)) {
      case 0 -> """
          apiVersion: %1$s
          kind: %2$s
          metadata: &meta
            name: %3$s
            labels: &labels {a: &v "x"}
          data: &data
            k: *v
          ---
          apiVersion: %1$s
          kind: %2$s
          metadata:
            <<: *meta
            name: *v
          data: *data
          """.formatted(api, kind, name);
      case 1 -> laughs(api, kind, name);
      case 2 -> object(api, kind, "\"fz\\0nul\"", random) + object(api, kind + "\u0000", "fz-nul\u0000x", random);
      case 3, 14, 15, 16 -> switch (random.nextInt(3)) {
        case 0 -> object(api, quoted(pick(PATH_NAMES, random)), name, random);
        case 1 -> object(api, kind, quoted(pick(PATH_NAMES, random)), random);
        default -> object(api, kind, name, random).replace("metadata:\n", "metadata:\n  namespace: " + quoted(pick(PATH_NAMES, random)) + "\n");
      };
      case 4 -> object(api, kind, name, random) + "---\n" + object(api, kind.toLowerCase(), name, random)
          + "---\n" + object(api, kind.toUpperCase(), name, random);
      case 5 -> huge(api, kind, name, random);
      case 6 -> {
        byte[] bytes = new byte[1 + random.nextInt(4096)];
        random.nextBytes(bytes);
        yield new String(bytes, StandardCharsets.ISO_8859_1);
      }
      case 7 -> nested(random);
      case 8 -> pick(new String[] {
          "", "---\n", "---\n...\n---\n", "just a scalar\n", "- a\n- b\n", "apiVersion: v1\nkind: ConfigMap\nmetadata: 5\n",
          "apiVersion: v1\nkind: [a]\nmetadata: {name: x}\n", "kind: ConfigMap\nmetadata: {name: x}\n",
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: 123}\n", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: null}\n",
          "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}\n",
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: !!binary AAAA\n",
          "!!python/object/apply:os.system [\"true\"]\n", "apiVersion: v1\napiVersion: v2\nkind: ConfigMap\nmetadata: {name: x}\n",
          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n", "{{{{\n", "key: \"unterminated\n",
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: ../../../../fz}\n"}, random);
      case 9 -> "\uFEFF" + object(api, kind, name, random).replace("\n", "\r\n");
      case 10 -> withoutSops(original.isEmpty() ? object(api, kind, name, random) : original);
      case 11 -> {
        StringBuilder out = new StringBuilder();
        for (int i = 0, n = 2 + random.nextInt(40); i < n; i++) {
          out.append(object(api, kind, random.nextBoolean() ? name : "fz-" + i, random)).append("---\n");
        }
        yield out.toString();
      }
      case 12 -> object(api, kind, name, random).replace("stringData:", "data:")
          + "  \"../../../../fz-key\": x\n  \"k\\0\": y\n  " + "k".repeat(400) + ": z\n";
      default -> original.isEmpty() ? object(api, kind, name, random) : mangleLine(original, random);
    };
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String object(String api, String kind, String name, Random random) {
    String namespace = random.nextInt(8) == 0 ? "  namespace: " + quoted(pick(PATH_NAMES, random)) + "\n" : "";
    return "apiVersion: " + api + "\nkind: " + kind + "\nmetadata:\n  name: " + name + "\n" + namespace
        + "stringData:\n  k: ENC[AES256_GCM,data:AAAA,iv:AAAA,tag:AAAA,type:str]\n"
        + (random.nextInt(3) == 0 ? "" : "sops:\n  version: 3.10.2\n  mac: ENC[AES256_GCM,data:AAAA]\n");
  }

  /** The billion-laughs shape: nine levels of nine aliases each. */
  private static String laughs(String api, String kind, String name) {
    StringBuilder out = new StringBuilder("apiVersion: " + api + "\nkind: " + kind + "\nmetadata: {name: " + name + "}\n");
    out.append("l0: &l0 [\"lol\"]\n");
    for (int level = 1; level < 10; level++) {
      out.append("l").append(level).append(": &l").append(level).append(" [");
      for (int i = 0; i < 9; i++) {
        out.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
      }
      out.append("]\n");
    }
    return out.append("data: {k: *l9}\n").toString();
  }

  /** Megabytes in one value, or tens of thousands of documents or keys. */
  private static String huge(String api, String kind, String name, Random random) {
    StringBuilder out = new StringBuilder("apiVersion: " + api + "\nkind: " + kind + "\nmetadata: {name: " + name + "}\n");
    switch (random.nextInt(3)) {
      case 0 -> out.append("data:\n  k: \"").append("A".repeat(1_000_000 * (1 + random.nextInt(9)))).append("\"\n");
      case 1 -> {
        out.append("stringData:\n");
        for (int i = 0, n = 10_000 + random.nextInt(60_000); i < n; i++) {
          out.append("  k").append(i).append(": ENC[AES256_GCM,data:AAAA,iv:AAAA,tag:AAAA,type:str]\n");
        }
        out.append("sops: {version: 3.10.2}\n");
      }
      default -> {
        for (int i = 0, n = 5_000 + random.nextInt(30_000); i < n; i++) {
          out.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: fz-").append(i).append("}\n");
        }
      }
    }
    return out.toString();
  }

  private static String nested(Random random) {
    int depth = new int[] {100, 2_000, 60_000}[random.nextInt(3)];
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: fz-deep}\ndata: {k: " + "[".repeat(depth) + "]".repeat(depth) + "}\n";
  }

  /** The file without its {@code sops:} block: a plaintext secret passing for an encrypted one. */
  static String withoutSops(String text) {
    StringBuilder out = new StringBuilder();
    boolean inSops = false;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("sops:")) {
        inSops = true;
        continue;
      }
      if (inSops && !line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
        inSops = false;
      }
      if (!inSops) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  /** One line of the original replaced by a hostile key/value at the same indentation. */
  private static String mangleLine(String original, Random random) {
    String[] lines = original.split("\n", -1);
    int i = random.nextInt(lines.length);
    String indent = lines[i].substring(0, lines[i].length() - lines[i].stripLeading().length());
    String[] replacements = {"name: " + quoted(pick(PATH_NAMES, random)), "kind: secret", "kind: \"../../x\"",
        "namespace: " + quoted(pick(PATH_NAMES, random)), "&a name: *a", "name: *undefined", "<<: *nothing", "\u0000", "- -"};
    lines[i] = indent + pick(replacements, random);
    return String.join("\n", lines);
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String pick(String[] values, Random random) {
    return values[random.nextInt(values.length)];
  }
}
