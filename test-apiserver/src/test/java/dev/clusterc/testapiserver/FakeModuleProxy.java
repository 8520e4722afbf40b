package dev.clusterc.testapiserver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes one module version in the Go module proxy's file layout ({@code <module>/@v/list},
 * {@code .info}, {@code .mod}, {@code .zip}), so {@code GOPROXY=file://<dir>} serves it offline.
 */
final class FakeModuleProxy {

  private FakeModuleProxy() {}

  /** Writes {@code module@version} holding {@code files} (path in module → text) under {@code root}. */
  static Path write(Path root, String module, String version, Map<String, String> files)
      throws IOException {
    Path versions = Files.createDirectories(root.resolve(module).resolve("@v"));
    String goMod = "module " + module + "\n";
    Files.writeString(versions.resolve("list"), version + "\n");
    Files.writeString(versions.resolve(version + ".info"),
        "{\"Version\":\"" + version + "\",\"Time\":\"2024-01-01T00:00:00Z\"}\n");
    Files.writeString(versions.resolve(version + ".mod"), goMod);
    Map<String, String> all = new TreeMap<>(files);
    all.put("go.mod", goMod);
    try (OutputStream out = Files.newOutputStream(versions.resolve(version + ".zip"));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> file : all.entrySet()) {
        zip.putNextEntry(new ZipEntry(module + "@" + version + "/" + file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return root;
  }
}
