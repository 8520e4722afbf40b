package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Fix;
import dev.clusterc.compiler.diag.TextEdit;
import dev.clusterc.compiler.model.Node;
import dev.clusterc.compiler.model.Pool;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.types.AddressRange;
import dev.clusterc.compiler.types.Ipv4;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fix for an even number of control planes: one more control-plane node, written right after
 * the last one as {@code node NAME { role control-plane; address A }}. The name continues the
 * existing names ({@code control2} after {@code control0} and {@code control1}); the address is
 * the first one after the last control plane's that is inside the node network and used by
 * nothing (no node, VIP, router, gateway, DNS server or pool range, not the network's own first or
 * last address). When no such address exists the quorum finding keeps its hint alone.
 *
 * <p>The edit is a plain insertion: the checker runs on every analysis, and lining the new node up
 * with its neighbours as {@code fmt} would parses and formats the file ({@code Documents.laidOut}),
 * which an editor does only for the fix it offers.
 */
final class ControlPlaneSkeleton {
  private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");

  private ControlPlaneSkeleton() {}

  /** The fix adding a control plane after the last of {@code controlPlanes} (in source order). */
  static Optional<Fix> fix(ClusterPlan plan, List<Decl> controlPlanes) {
    Decl last = controlPlanes.get(controlPlanes.size() - 1);
    if (last.isStd() || last.source() == null || last.source().span() == null) {
      return Optional.empty();
    }
    Optional<Ipv4> address = freeAddress(plan, controlPlanes);
    if (address.isEmpty()) {
      return Optional.empty();
    }
    String name = name(plan, controlPlanes);
    String line = "node " + name + " { role control-plane; address " + address.get() + " }";
    SourceFile file = last.source().span().file();
    String text = file.text();
    int end = last.source().span().end();
    int lineEnd = text.indexOf('\n', end);
    String rest = text.substring(end, lineEnd < 0 ? text.length() : lineEnd).strip();
    int at = rest.isEmpty() || rest.startsWith("#") ? (lineEnd < 0 ? text.length() : lineEnd) : end;
    TextEdit edit = TextEdit.insert(file, at, "\n" + line);
    return Optional.of(new Fix("add control-plane node `" + name + "` at " + address.get(), List.of(edit)));
  }

  /** {@code PREFIX(N+1)} after the highest {@code PREFIXN} of the control planes (zero-padded alike), unused by any declaration. */
  private static String name(ClusterPlan plan, List<Decl> controlPlanes) {
    Set<String> taken = new HashSet<>();
    plan.program().decls().forEach(d -> taken.add(d.name()));
    Matcher lastName = NUMBERED.matcher(controlPlanes.get(controlPlanes.size() - 1).name());
    String prefix = lastName.matches() ? lastName.group(1) : "control";
    int width = lastName.matches() && lastName.group(2).startsWith("0") ? lastName.group(2).length() : 1;
    long number = -1;
    for (Decl decl : controlPlanes) {
      Matcher m = NUMBERED.matcher(decl.name());
      if (m.matches() && m.group(1).equals(prefix) && m.group(2).length() <= 18) {
        number = Math.max(number, Long.parseLong(m.group(2)));
      }
    }
    number = number < 0 ? controlPlanes.size() : number + 1;
    while (true) {
      String candidate = prefix + String.format("%0" + width + "d", number);
      if (!taken.contains(candidate)) {
        return candidate;
      }
      number++;
    }
  }

  /** The first address after the last control plane's (or in the node network) that nothing uses. */
  private static Optional<Ipv4> freeAddress(ClusterPlan plan, List<Decl> controlPlanes) {
    Optional<AddressRange> network = plan.network().nodes().map(n -> n.range());
    Ipv4 start = null;
    for (Decl decl : controlPlanes) {
      Ipv4 address = Node.of(plan.program().model(), decl).address();
      if (address != null && network.map(r -> r.contains(address)).orElse(true)) {
        start = address;
      }
    }
    if (start == null) {
      if (network.isEmpty()) {
        return Optional.empty();
      }
      start = network.get().first();
    }
    Set<Ipv4> used = new HashSet<>();
    for (Kind kind : List.of(Kind.NODE, Kind.VIP, Kind.GATEWAY, Kind.DNS)) {
      plan.addresses(kind).forEach(use -> used.add(use.address()));
    }
    plan.router().ifPresent(use -> used.add(use.address()));
    List<AddressRange> pools = plan.poolRanges().stream().map(Pool.Range::addresses).toList();
    Ipv4 last = network.map(AddressRange::last).orElse(new Ipv4(Ipv4.MAX_BITS));
    Ipv4 candidate = start;
    for (int tries = 0; tries < 65_536 && candidate.isBefore(last); tries++) {
      candidate = candidate.next();
      Ipv4 c = candidate;
      boolean free = !used.contains(c) && !c.equals(last) && pools.stream().noneMatch(r -> r.contains(c))
          && network.map(r -> !r.first().equals(c)).orElse(true);
      if (free) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
