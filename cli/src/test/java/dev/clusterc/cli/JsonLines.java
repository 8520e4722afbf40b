package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The events of {@code --output json}, one JSON object a line, read back for assertions. */
final class JsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLines() {}

  /** Every line of {@code out} as a map; a line that is not a JSON object fails the test. */
  static List<Map<String, Object>> of(String out) {
    List<Map<String, Object>> events = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        events.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {}));
      } catch (JsonProcessingException e) {
        fail("not a JSON event line: " + line);
      }
    }
    return events;
  }

  /** The events named {@code event} ({@code unit-failed}, {@code object}…), in order. */
  static List<Map<String, Object>> named(String out, String event) {
    return of(out).stream().filter(e -> event.equals(e.get("event"))).toList();
  }

  /** The one event named {@code event} for {@code unit}; fails when there is none. */
  static Map<String, Object> forUnit(String out, String event, String unit) {
    return named(out, event).stream().filter(e -> unit.equals(e.get("unit"))).findFirst()
        .orElseGet(() -> fail("no " + event + " event for unit " + unit + " in\n" + out));
  }

  /** The {@code finished} event. */
  static Map<String, Object> finished(String out) {
    List<Map<String, Object>> finished = named(out, "finished");
    if (finished.size() != 1) {
      fail("expected one finished event in\n" + out);
    }
    return finished.get(0);
  }
}
