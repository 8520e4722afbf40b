package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.apply.ApplyOptions;
import dev.clusterc.runtime.apply.ClusterApply;
import dev.clusterc.runtime.apply.ConsequencesRefused;
import dev.clusterc.runtime.apply.RunSummary;
import dev.clusterc.runtime.inventory.Consequence;
import dev.clusterc.runtime.inventory.Risk;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.kube.RequestCounts;
import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Service pinned to a load-balancer address, moved to another: apply refuses before any write
 * ({@link ConsequencesRefused}, risk {@link Risk#ADDRESS_MOVES}) and moves it once that risk is
 * allowed; {@code clusterc apply} exits 2 naming {@code --allow-disruption}, and applies with it.
 */
@WithTestCluster
class AddressMoveClusterTest {
  private static final String PIN = "lbipam.cilium.io/ips";
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  static TestCluster cluster;

  @TempDir Path dir;

  private static GenericKubernetesResource object(String yaml) {
    return YAML.unmarshal(yaml, GenericKubernetesResource.class);
  }

  /** Namespace {@code lb}, then a LoadBalancer Service in it asking for {@code address}. */
  private static UnitGraph pinned(String address) {
    GenericKubernetesResource namespace = object("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: lb}
        """);
    GenericKubernetesResource service = object("""
        apiVersion: v1
        kind: Service
        metadata:
          name: gateway
          namespace: lb
          annotations: {"%s": "%s"}
        spec:
          type: LoadBalancer
          selector: {app: gateway}
          ports: [{name: https, port: 443, targetPort: 8443}]
        """.formatted(PIN, address));
    return new UnitGraph("addresses", List.of(
        new Unit("namespace", "platform", null, List.of(namespace), List.of(), List.of()),
        new Unit("gateway", "apps", null, List.of(service), List.of("namespace"), List.of())));
  }

  private static String liveAddress(Kube kube) {
    return kube.client().services().inNamespace("lb").withName("gateway").get().getMetadata().getAnnotations().get(PIN);
  }

  @Test
  void aPinnedAddressMovesOnlyWhenAllowed() {
    try (Kube kube = Kube.of(cluster.config())) {
      ClusterApply apply = new ClusterApply(kube.client(), Version.NUMBER);
      RunSummary first = apply.apply(pinned("10.0.10.50"), ApplyOptions.defaults(), false, Set.of(),
          new Scenario.Recorder());
      assertTrue(first.succeeded(), first::toString);
      RequestCounts before = kube.counts();

      ConsequencesRefused refused = assertThrows(ConsequencesRefused.class, () -> apply.apply(pinned("10.0.10.51"),
          ApplyOptions.defaults(), false, Set.of(Risk.DATA_LOSS, Risk.FEWER_INSTANCES), new Scenario.Recorder()));

      RequestCounts sent = kube.counts().minus(before);
      assertEquals(0, sent.writes(), () -> "nothing written before the refusal; sent " + sent);
      assertTrue(sent.requests() > 0, "the refusal came from a review of the live cluster");
      assertEquals(1, refused.consequences().size(), refused::getMessage);
      Consequence moved = refused.consequences().get(0);
      assertEquals(Risk.ADDRESS_MOVES, moved.risk());
      assertEquals("gateway", moved.object().name());
      assertTrue(moved.message().contains("10.0.10.50") && moved.message().contains("10.0.10.51"), moved::message);
      assertTrue(refused.getMessage().contains("--allow-disruption"), refused::getMessage);
      assertEquals("10.0.10.50", liveAddress(kube), "the Service still asks for its old address");

      RequestCounts beforeAllowed = kube.counts();
      RunSummary allowed = apply.apply(pinned("10.0.10.51"), ApplyOptions.defaults(), false,
          Set.of(Risk.ADDRESS_MOVES), new Scenario.Recorder());

      assertTrue(allowed.succeeded(), allowed::toString);
      assertEquals(1, allowed.count(Change.CONFIGURED), allowed::toString);
      assertTrue(kube.counts().minus(beforeAllowed).writes() >= 1);
      assertEquals("10.0.10.51", liveAddress(kube));
    }
  }

  @Test
  void applyExitsTwoNamingTheFlagThenMovesItWithTheFlag() throws IOException {
    Path sources = Files.createDirectories(dir.resolve("cluster"));
    Path file = sources.resolve("edge.cluster");
    String text = """
        cluster edge {
          domain "example.org"
          network { nodes 10.0.0.0/24; router 10.0.0.1 }
        }
        node cp { role control-plane; address 10.0.0.2 }
        app proxy {
          image "nginx:1.27"
          port http 8080
          manifests \"""
        apiVersion: v1
        kind: Service
        metadata:
          name: proxy-public
          annotations:
            %s: ADDRESS
        spec:
          type: LoadBalancer
          selector:
            app.kubernetes.io/name: proxy
          ports:
            - name: http
              port: 80
              targetPort: 8080
        \"""
        }
        """.formatted(PIN);
    Files.writeString(file, text.replace("ADDRESS", "10.0.20.5"));
    String kubeconfig = cluster.kubeconfig().toString();
    // the test is the load-balancer provider (kwok has none): it gives the Service the address it asks for
    try (SharedIndexInformer<Service> provider = cluster.client().services().inNamespace("proxy")
        .withName("proxy-public").inform(new AddressProvider())) {
      movesOnlyWithTheFlag(sources, file, text, kubeconfig);
    }
  }

  private void movesOnlyWithTheFlag(Path sources, Path file, String text, String kubeconfig) throws IOException {
    Cli.Result first = Cli.run("apply", sources.toString(), "--kubeconfig", kubeconfig).assertNoStackTrace();
    assertEquals(ExitCode.OK, first.exit(), first.toString());

    Files.writeString(file, text.replace("ADDRESS", "10.0.20.6"));
    Cli.Result refused = Cli.run("apply", sources.toString(), "--kubeconfig", kubeconfig).assertNoStackTrace();

    assertEquals(ExitCode.FAILURE, refused.exit(), refused.toString());
    assertTrue(refused.err().contains("--allow-disruption"), refused.toString());
    assertTrue(refused.err().contains("10.0.20.5") && refused.err().contains("10.0.20.6"), refused.toString());
    assertTrue(refused.err().contains("nothing was written"), refused.toString());
    Map<String, String> annotations = cluster.client().services().inNamespace("proxy").withName("proxy-public").get()
        .getMetadata().getAnnotations();
    assertEquals("10.0.20.5", annotations.get(PIN), "nothing was written");

    Cli.Result moved = Cli.run("apply", sources.toString(), "--kubeconfig", kubeconfig, "--allow-disruption")
        .assertNoStackTrace();
    assertEquals(ExitCode.OK, moved.exit(), moved.toString());
    assertEquals("10.0.20.6", cluster.client().services().inNamespace("proxy").withName("proxy-public").get()
        .getMetadata().getAnnotations().get(PIN));
  }

  /** Sets a LoadBalancer Service's {@code status.loadBalancer.ingress} to the address it pins, as Cilium's LB-IPAM would. */
  private static final class AddressProvider implements ResourceEventHandler<Service> {
    @Override
    public void onAdd(Service service) {
      String wanted = service.getMetadata().getAnnotations() == null ? null
          : service.getMetadata().getAnnotations().get(PIN);
      List<LoadBalancerIngress> ingress = service.getStatus() == null || service.getStatus().getLoadBalancer() == null
          ? List.of() : service.getStatus().getLoadBalancer().getIngress();
      if (wanted != null && (ingress.size() != 1 || !wanted.equals(ingress.get(0).getIp()))) {
        cluster.client().services().inNamespace(service.getMetadata().getNamespace())
            .withName(service.getMetadata().getName()).editStatus(s -> new ServiceBuilder(s).editOrNewStatus()
                .withNewLoadBalancer().addNewIngress().withIp(wanted).endIngress().endLoadBalancer().endStatus()
                .build());
      }
    }

    @Override
    public void onUpdate(Service before, Service after) {
      onAdd(after);
    }

    @Override
    public void onDelete(Service service, boolean unknownFinalStateUnknown) {
      // nothing to give back
    }
  }
}
