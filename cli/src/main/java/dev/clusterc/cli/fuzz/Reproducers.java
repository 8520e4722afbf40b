package dev.clusterc.cli.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves failing inputs as directories a person can replay: {@code src/} holds the cluster (FIFOs and
 * links included), {@code outside/} what the links and paths of the input point out to, and
 * {@code finding.txt} the signature, how to make the input again, the commands, their output and
 * the replayed stack trace. At most a few inputs per signature are kept, so a bug hit a million
 * times fills no disk.
 */
final class Reproducers {
  private final Path dir;
  private final int perSignature;
  private final long seed;

  Reproducers(Path dir, int perSignature, long seed) {
    this.dir = dir;
    this.perSignature = perSignature;
    this.seed = seed;
  }

  /** Saves the input if its signature has fewer than {@code perSignature} saved; where, or null. */
  Path save(FuzzInput input, Verdict verdict, long count) throws IOException {
    if (dir == null || count > perSignature) {
      return null;
    }
    Path target = dir.resolve(slug(verdict.signature())).resolve("seed" + seed + "-input" + input.index);
    Sandbox.deleteTree(target);
    Files.createDirectories(target.resolve("outside"));
    Files.writeString(target.resolve("outside/victim.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: victim}\n");
    Sandbox.materialize(input, target.resolve("src"), target.resolve("outside"));
    String text = "signature: " + verdict.signature() + "\n"
        + "made again by: clusterc fuzz --seed " + seed + " --from " + input.index + " --inputs 1\n"
        + "replay: clusterc check src ; clusterc compile src -o out   (from this directory)\n"
        + "note: paths printed below were in the fuzzer's sandbox, shown as <root>\n\n"
        + verdict.details() + "\n";
    Files.writeString(target.resolve("finding.txt"), text, StandardCharsets.UTF_8);
    return target;
  }

  /** A directory name from a signature: outcome and the identifying part, in safe characters. */
  static String slug(String signature) {
    String slug = signature.replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
    return slug.length() > 100 ? slug.substring(0, 100) + "-" + Integer.toHexString(signature.hashCode()) : slug;
  }
}
