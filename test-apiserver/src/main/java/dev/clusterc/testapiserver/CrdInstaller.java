package dev.clusterc.testapiserver;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Installs every CRD file of a directory tree and waits until each CRD is Established and its
 * served versions appear in API discovery, so custom resources can be applied right away.
 *
 * <p>CRDs are applied as generic resources with server-side apply: several upstream files exceed
 * the 256 KiB limit of a client-side apply's annotation, and a round trip through fabric8's typed
 * CRD model could alter the schemas under test.
 */
final class CrdInstaller {

  private static final int PARALLEL_APPLIES = 4;

  private CrdInstaller() {}

  /** Every {@code *.yaml} and {@code *.yml} file under {@code dir}, sorted by path. */
  static List<Path> crdFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("CRD directory not found: " + dir + " (set -D"
          + RepoPaths.CRDS_PROPERTY + "=<dir>, or leave it unset to use what "
          + "test-apiserver/crds.sh fetches)");
    }
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> crds = files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".yaml")
              || f.getFileName().toString().endsWith(".yml"))
          .sorted()
          .collect(Collectors.toList());
      if (crds.isEmpty()) {
        throw new IllegalStateException("no *.yaml files under the CRD directory " + dir);
      }
      return crds;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Server-side applies every CRD of the files, a few at a time, and returns them in file order. */
  static List<GenericKubernetesResource> apply(KubernetesClient client, List<Path> files) {
    List<GenericKubernetesResource> crds = new ArrayList<>();
    for (Path file : files) {
      for (GenericKubernetesResource document : Manifests.read(file)) {
        if (!"CustomResourceDefinition".equals(document.getKind())) {
          throw new IllegalStateException(file + ": expected only CustomResourceDefinitions, found "
              + document.getApiVersion() + " " + document.getKind());
        }
        crds.add(document);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_APPLIES);
    try {
      List<Future<?>> applies = new ArrayList<>();
      for (GenericKubernetesResource crd : crds) {
        applies.add(pool.submit(() -> ServerSideApply.apply(client, crd, false)));
      }
      for (int i = 0; i < crds.size(); i++) {
        try {
          applies.get(i).get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("installing CRD " + crds.get(i).getMetadata().getName()
              + " failed: " + e.getCause().getMessage(), e.getCause());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing CRDs", e);
    } finally {
      pool.shutdownNow();
    }
    return crds;
  }

  /** Waits until every CRD is Established and discoverable; returns their names. */
  static List<String> awaitUsable(KubernetesClient client, List<GenericKubernetesResource> crds,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> names = new ArrayList<>();
    for (GenericKubernetesResource crd : crds) {
      String name = crd.getMetadata().getName();
      awaitEstablished(client, name, deadline);
      awaitDiscovery(client, crd, deadline);
      names.add(name);
    }
    return names;
  }

  private static void awaitEstablished(KubernetesClient client, String name, long deadline) {
    long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    try {
      client.apiextensions().v1().customResourceDefinitions().withName(name)
          .waitUntilCondition(CrdInstaller::isEstablished, millis, TimeUnit.MILLISECONDS);
    } catch (KubernetesClientException e) {
      throw new IllegalStateException("CRD " + name + " did not become Established: "
          + e.getMessage(), e);
    }
  }

  static boolean isEstablished(CustomResourceDefinition crd) {
    return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Waits until every served version lists the CRD's plural in {@code /apis/<group>/<version>}. */
  private static void awaitDiscovery(KubernetesClient client, GenericKubernetesResource crd,
      long deadline) {
    String group = crd.get("spec", "group");
    String plural = crd.get("spec", "names", "plural");
    List<Map<String, Object>> versions = crd.get("spec", "versions");
    for (Map<String, Object> version : versions) {
      if (!Boolean.TRUE.equals(version.get("served"))) {
        continue;
      }
      String groupVersion = group + "/" + version.get("name");
      while (!discovered(client, groupVersion, plural)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(groupVersion + " " + plural
              + " did not appear in API discovery");
        }
        sleep(50);
      }
    }
  }

  private static boolean discovered(KubernetesClient client, String groupVersion, String plural) {
    try {
      APIResourceList list = client.getApiResources(groupVersion);
      return list != null && list.getResources().stream()
          .map(APIResource::getName).anyMatch(plural::equals);
    } catch (KubernetesClientException e) {
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for CRDs", e);
    }
  }
}
