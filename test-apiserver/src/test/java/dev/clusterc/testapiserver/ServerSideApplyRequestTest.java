package dev.clusterc.testapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records what {@link ServerSideApply} puts on the wire, to prove it is a real apply patch. */
@WithTestApiServer(crds = false)
class ServerSideApplyRequestTest {

  /** Method, content type and URI of every request the client sends. */
  private static final class Recorder implements Interceptor {
    final List<String> requests = new ArrayList<>();

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
      String contentType = request instanceof StandardHttpRequest standard
          ? standard.getContentType() : request.header("Content-Type");
      synchronized (requests) {
        requests.add(request.method() + " " + contentType + " " + request.uri());
      }
    }
  }

  private static KubernetesClient recordingClient(TestApiServer server, Recorder recorder) {
    return new KubernetesClientBuilder()
        .withConfig(server.config())
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("recorder", recorder))
        .build();
  }

  private static List<String> patches(Recorder recorder) {
    synchronized (recorder.requests) {
      return recorder.requests.stream().filter(r -> r.startsWith("PATCH ")).toList();
    }
  }

  @Test
  void sendsAnApplyPatchWithDryRunFieldManagerForceAndStrictValidation(TestApiServer server) {
    Recorder recorder = new Recorder();
    try (KubernetesClient client = recordingClient(server, recorder)) {
      ServerSideApply.apply(client, new ConfigMapBuilder()
          .withNewMetadata().withName("probe").withNamespace("default").endMetadata()
          .addToData("k", "v").build(), true);
      ServerSideApply.apply(client, new ConfigMapBuilder()
          .withNewMetadata().withName("probe").withNamespace("default").endMetadata()
          .addToData("k", "v").build(), false);
    }
    List<String> patches = patches(recorder);
    System.out.println("test-apiserver: requests sent: " + patches);
    assertEquals(2, patches.size(), recorder.requests::toString);
    for (String patch : patches) {
      assertTrue(patch.startsWith("PATCH application/apply-patch+yaml "), patch);
      assertTrue(patch.contains("/api/v1/namespaces/default/configmaps/probe?"), patch);
      assertTrue(patch.contains("fieldManager=clusterc"), patch);
      assertTrue(patch.contains("force=true"), patch);
      assertTrue(patch.contains("fieldValidation=Strict"), patch);
    }
    assertTrue(patches.get(0).contains("dryRun=All"), patches.get(0));
    assertTrue(!patches.get(1).contains("dryRun"), patches.get(1));
  }

  /** A 500 from server-side apply (see {@link ServerSideApply}) fails at once, not after retries. */
  @Test
  void doesNotRetryAServerError(TestApiServer server) {
    Recorder recorder = new Recorder();
    try (KubernetesClient client = recordingClient(server, recorder)) {
      KubernetesClientException e = assertThrows(KubernetesClientException.class,
          () -> ServerSideApply.applyYaml(client, """
              apiVersion: v1
              kind: ConfigMap
              metadata: {name: typo, namespace: default}
              dta: {k: v}
              """, true));
      assertEquals(500, e.getCode(), e.getMessage());
      assertTrue(e.getMessage().contains(".dta: field not declared in schema"), e.getMessage());
    }
    assertEquals(1, patches(recorder).size(), recorder.requests::toString);
  }
}
