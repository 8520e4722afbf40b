package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where objects keep the addresses clients reach: a Service's load-balancer IP (the field, or the
 * annotation its load-balancer provider reads), a Gateway's addresses, and the ranges of the pools
 * those addresses come from (Cilium LB-IPAM, MetalLB).
 */
final class Addresses {
  /** The annotations load-balancer providers read a wanted address from; comma-separated lists. */
  static final List<String> ANNOTATIONS = List.of(
      "lbipam.cilium.io/ips",
      "io.cilium/lb-ipam-ips",
      "metallb.universe.tf/loadBalancerIPs",
      "metallb.io/loadBalancerIPs",
      "kube-vip.io/loadbalancerIPs");

  private Addresses() {}

  static boolean isService(ObjectId id) {
    return id.group().isEmpty() && id.kind().equals("Service");
  }

  static boolean isGateway(ObjectId id) {
    return id.group().equals("gateway.networking.k8s.io") && id.kind().equals("Gateway");
  }

  static boolean isPool(ObjectId id) {
    return (id.group().equals("cilium.io") && id.kind().equals("CiliumLoadBalancerIPPool"))
        || (id.group().equals("metallb.io") && id.kind().equals("IPAddressPool"));
  }

  /** The addresses an object asks for: Service field and annotations, Gateway addresses and infrastructure annotations. */
  static Set<String> pinned(ObjectId id, GenericKubernetesResource object) {
    Set<String> addresses = new TreeSet<>();
    if (object == null) {
      return addresses;
    }
    if (isService(id)) {
      addString(addresses, object.get("spec", "loadBalancerIP"));
      fromAnnotations(addresses, object.getMetadata() == null ? null : object.getMetadata().getAnnotations());
    } else if (isGateway(id)) {
      for (Object entry : list(object.get("spec", "addresses"))) {
        if (entry instanceof Map<?, ?> map) {
          addString(addresses, map.get("value"));
        }
      }
      if (object.get("spec", "infrastructure", "annotations") instanceof Map<?, ?> annotations) {
        fromAnnotations(addresses, annotations);
      }
    }
    return addresses;
  }

  /** The addresses the provider gave it, from its status (Service ingress IPs, Gateway status addresses). */
  static Set<String> assigned(ObjectId id, GenericKubernetesResource object) {
    Set<String> addresses = new TreeSet<>();
    if (object == null) {
      return addresses;
    }
    List<?> entries = isService(id) ? list(object.get("status", "loadBalancer", "ingress"))
        : isGateway(id) ? list(object.get("status", "addresses")) : List.of();
    for (Object entry : entries) {
      if (entry instanceof Map<?, ?> map) {
        addString(addresses, map.get(isService(id) ? "ip" : "value"));
      }
    }
    return addresses;
  }

  /** What clients reach it at: what it asks for, else what it was given. */
  static Set<String> reached(ObjectId id, GenericKubernetesResource object) {
    Set<String> pinned = pinned(id, object);
    return pinned.isEmpty() ? assigned(id, object) : pinned;
  }

  /** A pool's addresses: Cilium's {@code spec.blocks} (and older {@code spec.cidrs}), MetalLB's {@code spec.addresses}. */
  static AddressRanges pool(GenericKubernetesResource pool) {
    List<String> entries = new ArrayList<>();
    List<AddressRanges.Range> ranges = new ArrayList<>();
    if (pool == null) {
      return new AddressRanges(ranges);
    }
    for (String field : List.of("blocks", "cidrs")) {
      for (Object block : list(pool.get("spec", field))) {
        if (block instanceof Map<?, ?> map) {
          if (map.get("cidr") instanceof String cidr) {
            entries.add(cidr);
          } else if (map.get("start") instanceof String start) {
            ranges.addAll(AddressRanges.between(start, map.get("stop") instanceof String stop ? stop : start).ranges());
          }
        }
      }
    }
    for (Object address : list(pool.get("spec", "addresses"))) {
      if (address instanceof String text) {
        entries.add(text);
      }
    }
    ranges.addAll(AddressRanges.parse(entries).ranges());
    return new AddressRanges(ranges);
  }

  private static void fromAnnotations(Set<String> addresses, Map<?, ?> annotations) {
    if (annotations == null) {
      return;
    }
    for (String key : ANNOTATIONS) {
      if (annotations.get(key) instanceof String value) {
        for (String one : value.split(",")) {
          addString(addresses, one);
        }
      }
    }
  }

  private static void addString(Set<String> addresses, Object value) {
    if (value instanceof String text && !text.isBlank()) {
      addresses.add(text.trim());
    }
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }
}
