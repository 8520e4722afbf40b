package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterc.cli.run.UnitGraphs;
import dev.clusterc.compiler.api.ClusterCompiler;
import dev.clusterc.compiler.api.CompileResult;
import dev.clusterc.compiler.api.Delivery;
import dev.clusterc.runtime.events.RunEvent;
import dev.clusterc.runtime.events.RunListener;
import dev.clusterc.runtime.model.UnitGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the scenario tests on the test cluster share: an example's sources copied to a directory the
 * test may edit, compiled for direct delivery into the runtime's graph as {@code clusterc apply} does,
 * the events of a run recorded, and the JSON {@code clusterc} prints read back.
 */
public final class Scenario {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Scenario() {}

  /** A copy of {@code examples/<example>} in {@code into} (its sources and secrets, not its golden files). */
  public static Path copyExample(String example, Path into) {
    Path from = Cli.repo().resolve("examples").resolve(example);
    Path to = into.resolve(example);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path relative = from.relativize(file);
        if (relative.startsWith("expected")) {
          continue;
        }
        if (Files.isDirectory(file)) {
          Files.createDirectories(to.resolve(relative.toString()));
        } else {
          Files.copy(file, to.resolve(relative.toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  /** The cluster at {@code sources} compiled for direct delivery, as the runtime's unit graph. */
  static UnitGraph graph(Path sources) {
    CompileResult result = ClusterCompiler.open(sources).compile(Delivery.DIRECT);
    return UnitGraphs.of(result.cluster().orElseThrow(
        () -> new AssertionError(sources + " does not compile: " + result.diagnostics())));
  }

  /** Replaces the one occurrence of {@code from} in {@code file} by {@code to}. */
  static void edit(Path file, String from, String to) {
    try {
      String text = Files.readString(file);
      int at = text.indexOf(from);
      assertTrue(at >= 0 && text.indexOf(from, at + 1) < 0, () -> from + " occurs once in " + file);
      Files.writeString(file, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each line of {@code --output json} events, read. */
  static List<JsonNode> jsonLines(String out) {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        lines.add(json(line));
      }
    }
    return lines;
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /** The events of {@code lines} named {@code event}. */
  static List<JsonNode> events(List<JsonNode> lines, String event) {
    return lines.stream().filter(l -> event.equals(l.path("event").asText())).toList();
  }

  /** The one {@code finished} event of a run's JSON lines. */
  static JsonNode finished(List<JsonNode> lines) {
    List<JsonNode> finished = events(lines, "finished");
    assertEquals(1, finished.size(), () -> "one finished event in " + lines);
    return finished.get(0);
  }

  /** How many objects the graph applies. */
  static int objects(UnitGraph graph) {
    return graph.objectIds().size();
  }

  /** Every event of a run, in order; safe to receive from the applier's threads. */
  static final class Recorder implements RunListener {
    private final List<RunEvent> events = new ArrayList<>();

    @Override
    public synchronized void on(RunEvent event) {
      events.add(event);
    }

    synchronized List<RunEvent> events() {
      return List.copyOf(events);
    }

    <T extends RunEvent> List<T> of(Class<T> type) {
      return events().stream().filter(type::isInstance).map(type::cast).toList();
    }
  }
}
