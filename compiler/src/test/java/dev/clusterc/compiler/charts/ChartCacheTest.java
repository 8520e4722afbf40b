package dev.clusterc.compiler.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.emit.core.ChartException;
import dev.clusterc.compiler.model.Component;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where charts are cached, and that only a verified archive ever lands there. */
class ChartCacheTest {
  @TempDir Path work;

  @Test
  void theDirectoryIsThePropertyThenTheVariableThenXdgThenHome() {
    Map<Object, Object> home = Map.of("user.home", "/home/u");
    assertEquals(Path.of("/p"), ChartCache.directory(Map.of(ChartCache.PROPERTY, "/p", "user.home", "/home/u"),
        Map.of(ChartCache.ENV, "/e", "XDG_CACHE_HOME", "/x")));
    assertEquals(Path.of("/e"), ChartCache.directory(home, Map.of(ChartCache.ENV, "/e", "XDG_CACHE_HOME", "/x")));
    assertEquals(Path.of("/x/clusterc/charts"), ChartCache.directory(home, Map.of("XDG_CACHE_HOME", "/x")));
    assertEquals(Path.of("/home/u/.cache/clusterc/charts"), ChartCache.directory(home, Map.of()));
  }

  @Test
  void aRepositoryIsOneDirectoryWhateverSlashesEndIt() {
    assertEquals(ChartCache.key("https://charts.example/x"), ChartCache.key("https://charts.example/x/"));
    assertTrue(!ChartCache.key("https://charts.example/x").equals(ChartCache.key("https://charts.example/y")));
  }

  @Test
  void anArchiveThatDoesNotMatchTheIndexDigestIsRefusedAndNotCached() throws IOException {
    try (LoopbackChartRepository repository = LoopbackChartRepository.start(work.resolve("repository"))) {
      repository.add("widgets", "1.0.0", "{}\n", Map.of(), Map.of());
      ByteArrayOutputStream other = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(other)) {
        gzip.write("not the chart".getBytes());
      }
      repository.replace("widgets-1.0.0.tgz", other.toByteArray());
      ChartCache cache = new ChartCache(work.resolve("cache"), new ChartSource());
      ChartException refused = assertThrows(ChartException.class,
          () -> cache.archive(new Component.Chart(repository.url(), "widgets", "1.0.0")));
      assertTrue(refused.getMessage().endsWith("widgets-1.0.0.tgz does not match the digest in the repository's index"),
          refused.getMessage());
      Path directory = work.resolve("cache").resolve(ChartCache.key(repository.url()));
      assertTrue(!Files.exists(directory.resolve("widgets-1.0.0.tgz")));
    }
  }
}
