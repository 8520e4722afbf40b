package dev.clusterc.compiler.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.Repo;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.Examples;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.emit.core.ChartRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's first command compiles the examples into one {@code out} with no network: no listed
 * cluster renders a chart at compile time (only a cluster without {@code gitops} would, and it would
 * fetch the chart), no two trees land in one place or nest, and every example that compiles is
 * listed unless its tree would collide with a listed one (the fixed twin of seed 001 has its path).
 */
class FirstCommandTest {
  private static final Pattern COMMAND = Pattern.compile("\\./clusterc compile examples/\\{([a-z0-9,-]+)} -o out\\n");

  @Test
  void theFirstCommandsExamplesCompileOfflineIntoTreesOfTheirOwn() throws Exception {
    String readme = Files.readString(Repo.root().resolve("README.md"));
    Matcher command = COMMAND.matcher(readme);
    assertTrue(command.find(), "the README starts with `./clusterc compile examples/{…} -o out`");
    List<String> listed = Arrays.asList(command.group(1).split(","));
    Map<String, String> paths = new LinkedHashMap<>();
    for (String name : listed) {
      Path example = Repo.root().resolve("examples").resolve(name);
      List<String> fetched = new ArrayList<>();
      ChartRenderer offline = (chart, release, namespace, values) -> {
        fetched.add(chart.repository() + " " + chart.chart() + " " + chart.version());
        return "";
      };
      Compilation compilation = ManifestCompiler.compile(Examples.program(example), offline);
      assertEquals(List.of(), fetched, name + " would fetch charts at compile time");
      paths.put(name, compilation.path());
    }
    paths.forEach((name, path) -> paths.forEach((other, otherPath) -> assertTrue(name.equals(other)
        || !(path + "/").startsWith(otherPath + "/"), name + "'s tree " + path + " lands in " + other + "'s " + otherPath)));
    for (Path example : Examples.compilable()) {
      String name = example.getFileName().toString();
      if (!listed.contains(name)) {
        String path = ManifestCompiler.compile(Examples.program(example), ChartRenderer.OFFLINE).path();
        assertTrue(paths.containsValue(path), name + " compiles to " + path + ", collides with no listed example, and is not listed");
      }
    }
  }
}
