package dev.clusterc.compiler.emit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Decl;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Value;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The raw objects of an app's {@code manifests} entries: a path relative to the directory of the
 * file that declares the entry, or a text block holding the YAML itself (also any string with a
 * line break, as a template parameter may pass one). Each is one or more YAML documents; empty
 * documents are skipped, every other one must be an object with {@code apiVersion}, {@code kind}
 * and {@code metadata.name}.
 *
 * <p>Every problem of every entry is collected and thrown at once as a {@link ManifestsException}.
 */
final class ManifestsLoader {
  /** The largest manifests file read, as for sources. */
  static final long MAX_BYTES = 8L * 1024 * 1024;

  private static final String NEEDS = "every object needs `apiVersion`, `kind` and `metadata.name`";
  private static final YAMLFactory YAML = YAMLFactory.builder().build();
  private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

  private ManifestsLoader() {}

  /** Where one entry's YAML comes from, for messages and positions. */
  private record Source(BoundEntry entry, Typed.Str value, String text, String name, boolean inline) {}

  /** One YAML document and the line (1-based, in its text) it starts at. */
  private record Document(Object value, int line) {}

  /**
   * @param workingDirectory the directory the sources' paths are relative to
   * @throws ManifestsException naming every problem of every entry
   */
  static List<GenericKubernetesResource> load(Decl app, EmitContext context, Path workingDirectory) {
    List<GenericKubernetesResource> objects = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (BoundEntry entry : app.body().all("manifests")) {
      if (!(entry.value() instanceof Typed.Str value)) {
        continue;
      }
      Source source = source(app, entry, value, workingDirectory, problems);
      if (source == null) {
        continue;
      }
      SourceSpan span = AppEmitter.entrySpan(app, entry);
      for (Document document : documents(app, source, problems)) {
        GenericKubernetesResource object = object(app, source, document, problems);
        if (object != null) {
          ManifestsMetadata.complete(object, app, span, context);
          objects.add(object);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ManifestsException(problems);
    }
    return objects;
  }

  private static Source source(Decl app, BoundEntry entry, Typed.Str value, Path workingDirectory, List<Diagnostic> problems) {
    boolean textBlock = !entry.entry().args().isEmpty() && entry.entry().args().get(0) instanceof Value.Str s && s.textBlock();
    if (textBlock || value.value().contains("\n")) {
      return new Source(entry, value, value.value(), "the inline manifests of " + app.label(), true);
    }
    Path shown = null;
    String problem;
    try {
      Path declaringDir = Path.of(value.span().file().path()).getParent();
      shown = (declaringDir == null ? Path.of(value.value()) : declaringDir.resolve(value.value())).normalize();
      Path file = workingDirectory.resolve(shown);
      if (Files.isDirectory(file)) {
        problem = shown + " is a directory";
      } else if (Files.size(file) > MAX_BYTES) {
        problem = shown + " is larger than 8 MiB";
      } else {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        return new Source(entry, value, text, shown.toString(), false);
      }
    } catch (NoSuchFileException e) {
      problem = shown + " does not exist";
    } catch (CharacterCodingException e) {
      problem = shown + " is not UTF-8 text";
    } catch (InvalidPathException e) {
      problem = "`" + value.value() + "` is not a valid path: " + e.getReason();
    } catch (IOException e) {
      problem = "cannot read " + shown + ": " + e.getMessage();
    }
    problems.add(Diagnostic.error(Code.INVALID_VALUE, value.span(), "manifests of " + app.label() + ": " + problem)
        .withHint("a `manifests` path is relative to the directory of the file that declares it"));
    return null;
  }

  private static List<Document> documents(Decl app, Source source, List<Diagnostic> problems) {
    List<Document> documents = new ArrayList<>();
    try (JsonParser parser = YAML.createParser(source.text())) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      while (parser.nextToken() != null) {
        int line = parser.currentTokenLocation().getLineNr();
        Object value = MAPPER.readValue(parser, Object.class);
        if (value != null && !"".equals(value)) {
          documents.add(new Document(value, line));
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : Math.max(at.getLineNr(), 1);
      String where = "line " + line + (at != null && at.getColumnNr() > 0 ? ", column " + at.getColumnNr() : "");
      String reason = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML").trim();
      String message = source.inline()
          ? source.name() + " are not valid YAML at " + where + ": " + reason
          : "manifests of " + app.label() + ": " + source.name() + " is not valid YAML at " + where + ": " + reason;
      problems.add(Diagnostic.error(Code.INVALID_VALUE, span(source, line), message));
    } catch (IOException e) {
      problems.add(Diagnostic.error(Code.INVALID_VALUE, source.value().span(), "cannot read " + source.name() + ": " + e.getMessage()));
    }
    return documents;
  }

  private static GenericKubernetesResource object(Decl app, Source source, Document document, List<Diagnostic> problems) {
    String missing = missing(document.value());
    if (missing != null) {
      problems.add(Diagnostic.error(Code.INVALID_VALUE, span(source, document.line()),
          prefix(app, source) + "the document at " + where(source, document) + " " + missing).withHint(NEEDS));
      return null;
    }
    try {
      return MAPPER.convertValue(document.value(), GenericKubernetesResource.class);
    } catch (IllegalArgumentException e) {
      problems.add(Diagnostic.error(Code.INVALID_VALUE, span(source, document.line()),
          prefix(app, source) + "the document at " + where(source, document) + " is not a Kubernetes object: "
              + e.getMessage().lines().findFirst().orElse("")).withHint(NEEDS));
      return null;
    }
  }

  /** What the document lacks to be an object, or {@code null}. */
  private static String missing(Object document) {
    if (!(document instanceof Map<?, ?> map)) {
      return "is not a mapping but " + (document instanceof List ? "a list" : "a scalar");
    }
    if (!(map.get("apiVersion") instanceof String apiVersion) || apiVersion.isBlank()) {
      return "has no `apiVersion`";
    }
    if (!(map.get("kind") instanceof String kind) || kind.isBlank()) {
      return "has no `kind`";
    }
    if (!(map.get("metadata") instanceof Map<?, ?> metadata)) {
      return "has no `metadata`";
    }
    if (!(metadata.get("name") instanceof String name) || name.isBlank()) {
      return "has no `metadata.name`";
    }
    return null;
  }

  /**
   * Where to point at a line of the YAML: that line in the {@code .cluster} file for a text block
   * (its first line break is dropped, so YAML line 1 is the line after the opening quotes), else
   * the entry's value.
   */
  private static SourceSpan span(Source source, int line) {
    SourceSpan value = source.value().span();
    boolean block = !source.entry().entry().args().isEmpty() && source.entry().entry().args().get(0) instanceof Value.Str s
        && s.textBlock() && s.span().equals(value) && s.isPlain();
    if (!source.inline() || !block) {
      return value;
    }
    var file = value.file();
    String text = file.text();
    int bodyStart = Math.min(value.start() + 3, value.end());
    boolean breakFirst = text.startsWith("\n", bodyStart) || text.startsWith("\r\n", bodyStart);
    int target = value.begin().line() + line - (breakFirst ? 0 : 1);
    int start = file.offset(target, 1);
    int end = start + file.lineText(target).length();
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    if (start < value.start() || end > value.end()) {
      return value;
    }
    return new SourceSpan(file, start, end);
  }

  private static String prefix(Decl app, Source source) {
    return source.inline() ? "" : "manifests of " + app.label() + ": ";
  }

  private static String where(Source source, Document document) {
    return source.inline() ? "line " + document.line() + " of " + source.name() : source.name() + ":" + document.line();
  }
}
