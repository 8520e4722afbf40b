package dev.clusterc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What cert-manager and a DNS-01 webhook need of a compiled ClusterIssuer with a {@code webhook}
 * solver, checked on every example that has one (fleet-infra, seed 002's Hetzner webhook):
 *
 * <ul>
 *   <li>cert-manager sends the challenge to {@code /apis/GROUP/v1alpha1/SOLVER}: both set, the group
 *   a DNS name;</li>
 *   <li>the webhook reads the Secret its config names ({@code secretName}) in the namespace
 *   cert-manager resolves a ClusterIssuer's Secrets in ({@code cert-manager}), so the output must
 *   deliver a Secret (or SealedSecret) of that name there, in the issuer's unit or one it waits
 *   for, so that it exists when the issuer is used;</li>
 *   <li>the Hetzner webhook reads key {@code api-key} of it. That is restated from the webhook's
 *   source (vadimkim/cert-manager-webhook-hetzner), not run.</li>
 * </ul>
 */
class WebhookSolverTruthTest {
  private static final String CERT_MANAGER = "cert-manager";

  @Test
  void everyWebhookSolverFindsItsSecretWhereTheWebhookLooks() throws Exception {
    int checked = 0;
    for (Path example : Examples.compilable()) {
      Compilation compilation = Examples.compile(example);
      for (Unit unit : compilation.units()) {
        for (KubeObject issuer : unit.objects()) {
          if (!issuer.kind().equals("ClusterIssuer")) {
            continue;
          }
          for (Map<String, Object> webhook : webhooks(issuer)) {
            check(example, unit, webhook);
            checked++;
          }
        }
      }
    }
    assertTrue(checked >= 1, "no example has a webhook solver to check");
  }

  private static void check(Path example, Unit unit, Map<String, Object> webhook) {
    String where = example.getFileName() + ", unit " + unit.name();
    String group = (String) webhook.get("groupName");
    assertNotNull(group, where);
    assertTrue(group.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+"), where + ": groupName " + group);
    assertFalse(String.valueOf(webhook.get("solverName")).isBlank(), where);
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) webhook.get("config");
    String secretName = (String) config.get("secretName");
    assertNotNull(secretName, where + ": the webhook finds its credentials through config.secretName");
    Set<String> keys = delivered(unit, secretName);
    assertNotNull(keys, where + ": no Secret `" + secretName + "` in namespace cert-manager in the unit or those it waits for");
    if (group.equals("acme.hetzner.com")) {
      assertTrue(keys.contains("api-key"), where + ": the Hetzner webhook reads key api-key, the secret has " + keys);
    }
  }

  /** The keys of the Secret named {@code name} that {@code unit} (or a unit it waits for) puts in cert-manager, or null. */
  private static Set<String> delivered(Unit unit, String name) {
    List<Unit> reach = new ArrayList<>(List.of(unit));
    for (int i = 0; i < reach.size(); i++) {
      for (Unit next : reach.get(i).dependsOn()) {
        if (!reach.contains(next)) {
          reach.add(next);
        }
      }
    }
    for (Unit candidate : reach) {
      for (String include : candidate.includes().keySet()) {
        Map<?, ?> object = new Yaml().load(new String(candidate.content(include), StandardCharsets.UTF_8));
        Map<?, ?> metadata = (Map<?, ?>) object.get("metadata");
        String namespace = include.contains("/") ? include.substring(0, include.indexOf('/')) : (String) metadata.get("namespace");
        if (name.equals(metadata.get("name")) && CERT_MANAGER.equals(namespace)) {
          Map<?, ?> data = object.get("spec") instanceof Map<?, ?> spec ? (Map<?, ?>) spec.get("encryptedData")
              : object.get("stringData") instanceof Map<?, ?> s ? s : (Map<?, ?>) object.get("data");
          return data.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
        }
      }
      for (KubeObject object : candidate.objects()) {
        if (object.kind().equals("Secret") && name.equals(object.name()) && CERT_MANAGER.equals(object.namespace())) {
          return object.get("stringData") instanceof Map<?, ?> data
              ? data.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet()) : Set.of();
        }
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> webhooks(KubeObject issuer) {
    Map<String, Object> acme = (Map<String, Object>) issuer.map("spec").get("acme");
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object solver : (List<Object>) acme.getOrDefault("solvers", List.of())) {
      Map<String, Object> dns01 = (Map<String, Object>) ((Map<String, Object>) solver).get("dns01");
      if (dns01 != null && dns01.get("webhook") instanceof Map<?, ?> webhook) {
        out.add((Map<String, Object>) webhook);
      }
    }
    assertEquals(out.size(), out.stream().filter(w -> w.get("config") instanceof Map).count(), "every webhook has a config");
    return out;
  }
}
