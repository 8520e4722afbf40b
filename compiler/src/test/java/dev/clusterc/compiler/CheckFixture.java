package dev.clusterc.compiler;

import dev.clusterc.compiler.api.Frontend;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.syntax.Parser;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks a cluster written inline in a test, as one file named {@code test.cluster}. */
public final class CheckFixture {
  private CheckFixture() {}

  public static Program program(String text) {
    SourceUnit unit = Parser.parse(new SourceFile("test.cluster", text));
    return Frontend.analyze(List.of(unit), new ArrayList<>(unit.diagnostics()));
  }

  /** As {@link #program(String)}, with {@code test.cluster} (and the files it names) in {@code workingDirectory}. */
  public static Program program(String text, Path workingDirectory) {
    SourceUnit unit = Parser.parse(new SourceFile("test.cluster", text));
    return Frontend.analyze(List.of(unit), new ArrayList<>(unit.diagnostics()), workingDirectory);
  }

  /**
   * As {@link #program(String)}, analysed in a fresh directory that holds a stand-in for each
   * {@code sops} and {@code sealed} file the cluster names: the declaration's object, with its
   * keys, placeholder ciphertext and (for SOPS) the metadata. For tests about other things than
   * secret files, which analysis now reads.
   */
  public static Program programWithSecretFiles(String text) {
    Program first = program(text);
    try {
      Path dir = Files.createTempDirectory("clusterc-secrets");
      dir.toFile().deleteOnExit();
      for (Decl secret : first.decls(Kind.SECRET)) {
        var entry = secret.body() == null ? Optional.<BoundEntry>empty()
            : secret.body().first("sops").or(() -> secret.body().first("sealed"));
        if (entry.isEmpty() || entry.get().str("value").isEmpty()) {
          continue;
        }
        Path file = dir.resolve(entry.get().str("value").get()).normalize();
        if (!file.startsWith(dir)) {
          continue;
        }
        Files.createDirectories(file.getParent());
        List<String> keys = secret.body().typed("keys", Typed.Items.class)
            .map(items -> items.items().stream().filter(Typed.Str.class::isInstance)
                .map(i -> ((Typed.Str) i).value()).toList()).orElse(List.of());
        boolean sops = entry.get().property().name().equals("sops");
        StringBuilder yaml = new StringBuilder(sops ? "apiVersion: v1\nkind: Secret\n" : "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\n")
            .append("metadata:\n  name: ").append(secret.name()).append('\n').append(sops ? "stringData:\n" : "spec:\n  encryptedData:\n");
        keys.forEach(k -> yaml.append(sops ? "  " : "    ").append('"').append(k).append("\": ENC[AES256_GCM,data:AAAA,type:str]\n"));
        if (keys.isEmpty()) {
          yaml.append(sops ? "  {}\n" : "    {}\n");
        }
        if (sops) {
          yaml.append("sops:\n  mac: ENC[AES256_GCM,data:AAAA,type:str]\n  version: 3.10.2\n");
        }
        Files.writeString(file, yaml);
      }
      return program(text, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every diagnostic as {@code LINE:COL: severity[code]: message}, one per line. */
  public static String check(String text) {
    return render(program(text).diagnostics());
  }

  public static String render(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .map(d -> d.span().begin() + ": " + d.severity().label() + "[" + d.code().id() + "]: " + d.message())
        .collect(Collectors.joining("\n"));
  }

  /**
   * {@link #BASE} deployed by Flux ({@code gitops flux}): components stay HelmReleases instead of
   * being rendered from their charts, so a test of those objects needs no chart repository.
   */
  public static final String FLUX_BASE = """
      cluster test {
        domain "example.org"
        network { nodes 10.0.0.0/24; router 10.0.0.1 }
        gitops flux { repository "https://git.example/test" }
      }
      node cp { role control-plane; address 10.0.0.2 }
      node w1 { role worker; address 10.0.0.11 }
      node w2 { role worker; address 10.0.0.12 }
      """;

  /** A small valid cluster (one control plane, two workers) to which a test appends declarations. */
  public static final String BASE = """
      cluster test {
        domain "example.org"
        network { nodes 10.0.0.0/24; router 10.0.0.1 }
      }
      node cp { role control-plane; address 10.0.0.2 }
      node w1 { role worker; address 10.0.0.11 }
      node w2 { role worker; address 10.0.0.12 }
      """;
}
