package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code port-conflict}: an app's ports have distinct names and numbers (they become one Service).
 * {@code unknown-port}: a route or probe that names no port takes the app's first, so the app must
 * have one. A route or probe naming a port the app lacks is {@link RouteChecker}'s.
 */
public final class PortChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    for (Decl app : program.decls(Kind.APP)) {
      conflicts(program, app, report);
      if (!app.body().has("port")) {
        noPort(program, app, report);
      }
    }
  }

  private void conflicts(Program program, Decl app, Consumer<Diagnostic> report) {
    Map<String, Typed> names = new HashMap<>();
    Map<Long, BoundEntry> numbers = new HashMap<>();
    for (BoundEntry port : app.body().all("port")) {
      Typed name = port.get("name").orElse(null);
      String label = port.sym("name").orElse(port.firstArgument());
      if (name != null && names.containsKey(label)) {
        report.accept(Sites.placed(program, app, Diagnostic.error(Code.PORT_CONFLICT, name.span(),
                app.label() + " declares port `" + label + "` twice")
            .withHint("give each port its own name")
            .withRelated(Sites.editable(program, app, names.get(label).span()), "`" + label + "` is first declared here")));
        continue;
      }
      if (name != null) {
        names.put(label, name);
      }
      Typed number = port.get("number").orElse(null);
      if (!(number instanceof Typed.Int n)) {
        continue;
      }
      BoundEntry first = numbers.putIfAbsent(n.value(), port);
      if (first != null) {
        String other = first.sym("name").orElse(first.firstArgument());
        report.accept(Sites.placed(program, app, Diagnostic.error(Code.PORT_CONFLICT, n.span(),
                "ports `" + other + "` and `" + label + "` of " + app.label() + " both use " + n.value())
            .withHint("give each port its own number")
            .withRelated(Sites.editable(program, app, first.get("number").orElseThrow().span()), "`" + other + "` uses " + n.value() + " here")));
      }
    }
  }

  /** One diagnostic per app, at its first route or probe that relies on the (missing) first port. */
  private void noPort(Program program, Decl app, Consumer<Diagnostic> report) {
    List<BoundEntry> users = new ArrayList<>();
    app.body().all("route").stream().filter(r -> !Ports.namesPort(r)).forEach(users::add);
    app.body().first("probe").filter(p -> !Ports.namesPort(p)).ifPresent(users::add);
    if (users.isEmpty()) {
      return;
    }
    BoundEntry first = users.get(0);
    String what = first.property().name().equals("route") ? "is routed" : "has a probe";
    Diagnostic diagnostic = Diagnostic.error(Code.UNKNOWN_PORT, first.entry().span(), app.label() + " " + what + " but declares no port")
        .withHint("add `port http 8080` (with the port it listens on): a route or probe without `port NAME` uses the app's first port");
    for (BoundEntry other : users.subList(1, users.size())) {
      diagnostic = diagnostic.withRelated(Sites.editable(program, app, other.entry().span()),
          "this " + other.property().name() + " needs a port too");
    }
    report.accept(Sites.placed(program, app, diagnostic));
  }
}
