package dev.clusterc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor as the client: headless Neovim (Debian's 0.7.2) opens a copy of examples/homelab
 * with editors/nvim on its runtimepath, starts the server from a FileType autocmd as a child JVM,
 * and runs {@code nvim/editor-test.lua}: it waits for the diagnostics, asks for completion and a
 * definition, breaks a reference, sees the error, mends it and sees it go. The script only records;
 * the assertions are here, on the JSON it writes.
 */
@Tag("editor")
class NeovimEditorTest {
  /** How long one of the script's seven waits may take: a JVM start and a first analysis on a loaded machine. */
  private static final int WAIT_MS = 30_000;

  @TempDir Path temp;

  @Test
  void neovimGetsDiagnosticsCompletionAndDefinitionAndSeesAnEditsErrorComeAndGo() throws Exception {
    Path nvim = onPath("nvim").orElseThrow(() -> new AssertionError(
        "headless Neovim (`nvim`) is not on the PATH, and this test drives it as a real editor: "
            + "install it with `sudo apt-get install neovim` (Debian's 0.7.2 is enough)"));
    Path repo = Path.of(System.getProperty("clusterc.repo", "..")).toAbsolutePath().normalize();
    Path cluster = copyExample(repo.resolve("examples/homelab"), temp.resolve("homelab"));
    Path file = cluster.resolve("cluster.cluster");
    List<String> lines = Files.readAllLines(file);
    Path report = temp.resolve("report.json");

    Process process = neovim(nvim, repo, file, report).start();
    if (!process.waitFor(7L * WAIT_MS + 60_000, TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      fail("headless Neovim did not finish; its output:\n" + read(temp.resolve("nvim.out")) + lspLog());
    }
    assertTrue(Files.exists(report), () -> "headless Neovim wrote no report (exit " + process.exitValue()
        + "); its output:\n" + read(temp.resolve("nvim.out")));
    JsonObject seen = JsonParser.parseString(read(report)).getAsJsonObject();
    killLeftoverServer(seen);
    String context = "\nwhat Neovim saw: " + seen + lspLog();

    assertFalse(present(seen, "error"), () -> "the editor script failed: " + seen.get("error").getAsString() + context);
    assertEditorFiles(seen, context);
    for (JsonElement step : seen.getAsJsonArray("steps")) {
      JsonObject s = step.getAsJsonObject();
      assertTrue(s.get("ok").getAsBoolean(), () -> "step `" + s.get("name").getAsString() + "` timed out" + context);
    }

    // The example as it is: exactly what `clusterc check` says (examples/homelab/expected.err).
    int databaseLine = lineOf(lines, "  database postgres as SONARR__POSTGRES");
    assertEquals(List.of("cross-namespace-database@" + databaseLine + ":2/warning"), summary(seen, "initial"),
        "diagnostics of the example as it is" + context);

    // Broken: `mount sonarr-confg` names nothing; the warning stays.
    int mountLine = lineOf(lines, "  mount    sonarr-config at \"/config\"");
    int mountColumn = lines.get(mountLine).indexOf("sonarr-config");
    assertEquals(mountLine, seen.get("broken_line").getAsInt(), "the script edited another line" + context);
    List<String> broken = summary(seen, "broken");
    assertTrue(broken.contains("undefined-reference@" + mountLine + ":" + mountColumn + "/error"),
        () -> "no undefined-reference at the broken mount, only " + broken + context);
    assertTrue(broken.contains("cross-namespace-database@" + databaseLine + ":2/warning"), () -> broken + context);
    assertTrue(messages(seen, "broken").stream().anyMatch(m -> m.contains("sonarr-confg")),
        () -> "the undefined-reference message does not name `sonarr-confg`" + context);

    // Mended: back to what the example had, the error cleared.
    assertEquals(summary(seen, "initial"), summary(seen, "fixed"), "diagnostics after the fix" + context);

    assertCompletionAndDefinition(seen, file, lines, context);

    assertTrue(present(seen, "exit"), "the server did not exit after shutdown and exit" + context);
    JsonObject exit = seen.getAsJsonObject("exit");
    assertEquals(0, exit.get("code").getAsInt(), "the server's exit status after shutdown and exit" + context);
  }

  /** editors/nvim as Neovim loaded it: the filetype, the settings, and the highlighting of the example. */
  private static void assertEditorFiles(JsonObject seen, String context) {
    assertEquals("cluster", text(seen, "filetype"), "ftdetect/cluster.vim" + context);
    assertEquals("cluster", text(seen, "syntax"), "syntax/cluster.vim" + context);
    assertEquals("# %s", text(seen, "commentstring"), "ftplugin/cluster.vim" + context);
    assertEquals(2, seen.get("shiftwidth").getAsInt(), "ftplugin/cluster.vim" + context);
    assertEquals(List.of(), strings(seen.getAsJsonArray("highlighted_errors")),
        "syntax/cluster.vim highlights an error in the example" + context);
    assertEquals(Map.ofEntries(
        Map.entry("comment", "clusterComment"), Map.entry("kind", "clusterKind"), Map.entry("name", "clusterName"),
        Map.entry("reserved", "clusterReserved"), Map.entry("template", "clusterTemplateName"),
        Map.entry("entry", "clusterEntry"), Map.entry("connector", "clusterConnector"),
        Map.entry("string", "clusterString"), Map.entry("interpolation", "clusterInterpolation"),
        Map.entry("address", "clusterAddress"), Map.entry("cidr", "clusterCidr"), Map.entry("range", "clusterRange"),
        Map.entry("duration", "clusterDuration"), Map.entry("quantity", "clusterQuantity"),
        Map.entry("number", "clusterNumber"), Map.entry("param", "clusterParam"), Map.entry("map_key", "clusterKey")),
        new Gson().fromJson(seen.get("syntax_groups"), new TypeToken<Map<String, String>>() {}.getType()),
        "syntax/cluster.vim: the group of each kind of token" + context);
  }

  /**
   * The server advertises completion and definition; completion after {@code mount} offers the
   * volumes and nothing else; the definition of the backup {@code nightly} is its declaration.
   */
  private static void assertCompletionAndDefinition(JsonObject seen, Path file, List<String> lines, String context)
      throws Exception {
    JsonObject capabilities = seen.getAsJsonObject("capabilities");
    assertTrue(capabilities.get("completion").getAsBoolean(), "the server does not advertise completion" + context);
    assertTrue(capabilities.get("definition").getAsBoolean(), "the server does not advertise definition" + context);
    JsonObject completion = seen.getAsJsonObject("completion");
    assertFalse(present(completion, "error"), () -> "completion failed" + context);
    List<String> labels = strings(completion.getAsJsonArray("labels"));
    assertTrue(labels.containsAll(List.of("radarr-config", "sonarr-config")),
        () -> "completion after `mount` offers the volumes, not " + labels + context);
    assertFalse(labels.contains("nightly"), () -> "completion after `mount` offers a backup: " + labels + context);

    JsonObject definition = seen.getAsJsonObject("definition");
    assertFalse(present(definition, "error"), () -> "definition failed" + context);
    JsonArray locations = definition.getAsJsonArray("locations");
    assertEquals(1, locations.size(), () -> "definition of `nightly`" + context);
    JsonObject location = locations.get(0).getAsJsonObject();
    assertEquals(file.toRealPath(), Path.of(new URI(location.get("uri").getAsString())).toRealPath(),
        "definition of `nightly`" + context);
    assertEquals(lineOf(lines, "backup nightly {"), location.get("line").getAsInt(), "definition of `nightly`" + context);
  }

  /**
   * nvim with nothing of the user's: no init file, no shada, no swap files, its state and logs (and
   * the LSP log, where the server's stderr goes) under the test's directory.
   */
  private ProcessBuilder neovim(Path nvim, Path repo, Path file, Path report) throws IOException {
    Path script = temp.resolve("editor-test.lua");
    try (var in = NeovimEditorTest.class.getResourceAsStream("/nvim/editor-test.lua")) {
      assertNotNull(in, "nvim/editor-test.lua is not on the test class path");
      Files.copy(in, script);
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> server = List.of(java.toString(), "-Xlog:disable", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), LanguageServerMain.class.getName());
    ProcessBuilder builder = new ProcessBuilder(nvim.toString(), "--headless", "-u", "NONE", "-i", "NONE", "-n",
        "-c", "luafile " + script)
        .directory(file.getParent().toFile())
        .redirectErrorStream(true)
        .redirectOutput(temp.resolve("nvim.out").toFile());
    Map<String, String> env = builder.environment();
    env.put("CLUSTERC_NVIM_RUNTIME", repo.resolve("editors/nvim").toString());
    env.put("CLUSTERC_NVIM_SERVER", new Gson().toJson(server));
    env.put("CLUSTERC_NVIM_FILE", file.toString());
    env.put("CLUSTERC_NVIM_OUT", report.toString());
    env.put("CLUSTERC_NVIM_WAIT_MS", Integer.toString(WAIT_MS));
    for (String xdg : List.of("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")) {
      env.put(xdg, temp.resolve("xdg").resolve(xdg.toLowerCase(Locale.ROOT)).toString());
    }
    env.put("NVIM_LOG_FILE", temp.resolve("nvim.log").toString());
    return builder;
  }

  /** The example's sources and the files they name (secrets/), without its expected output. */
  private static Path copyExample(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(source);
        if (relative.toString().startsWith("expected")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return to;
  }

  /** "code@line:column/severity" of each diagnostic Neovim held at one step, 0-based as in LSP. */
  private static List<String> summary(JsonObject seen, String step) {
    List<String> summary = new ArrayList<>();
    for (JsonElement element : seen.getAsJsonArray(step)) {
      JsonObject d = element.getAsJsonObject();
      String code = d.has("code") ? d.get("code").getAsString() : "(no code)";
      String severity = List.of("?", "error", "warning", "information", "hint").get(d.get("severity").getAsInt());
      summary.add(code + "@" + d.get("line").getAsInt() + ":" + d.get("character").getAsInt() + "/" + severity);
    }
    return summary;
  }

  private static String text(JsonObject seen, String key) {
    return present(seen, key) ? seen.get(key).getAsString() : "(nothing)";
  }

  /** Whether the script wrote a value for {@code key}: Lua's nil leaves it out, vim.NIL writes null. */
  private static boolean present(JsonObject seen, String key) {
    return seen.has(key) && !seen.get(key).isJsonNull();
  }

  private static List<String> messages(JsonObject seen, String step) {
    List<String> messages = new ArrayList<>();
    seen.getAsJsonArray(step).forEach(d -> messages.add(d.getAsJsonObject().get("message").getAsString()));
    return messages;
  }

  private static List<String> strings(JsonArray array) {
    List<String> strings = new ArrayList<>();
    array.forEach(e -> strings.add(e.getAsString()));
    return strings;
  }

  private static int lineOf(List<String> lines, String text) {
    int line = lines.indexOf(text);
    assertTrue(line >= 0, () -> "examples/homelab/cluster.cluster has no line `" + text + "`: update this test");
    return line;
  }

  /** A server Neovim left running (it did not exit after shutdown) must not outlive the test. */
  private static void killLeftoverServer(JsonObject seen) {
    if (present(seen, "server_pid") && !present(seen, "exit")) {
      ProcessHandle.of(seen.get("server_pid").getAsLong()).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private String lspLog() {
    Path log = temp.resolve("xdg/xdg_cache_home/nvim/lsp.log");
    return Files.exists(log) ? "\nNeovim's LSP log (the server's stderr):\n" + read(log) : "";
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no " + file.getFileName() + ")";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
