package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppPort;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceSpan;
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
  /** A route or probe that relies on the app's first port: its entry and what it is called. */
  private record User(SourceSpan span, String what) {}

  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    for (Decl decl : program.decls(Kind.APP)) {
      App app = App.of(program.model(), decl);
      conflicts(program, app, report);
      if (app.ports().isEmpty()) {
        noPort(program, app, report);
      }
    }
  }

  private void conflicts(Program program, App app, Consumer<Diagnostic> report) {
    Decl decl = app.decl();
    Map<String, AppPort> names = new HashMap<>();
    Map<Long, AppPort> numbers = new HashMap<>();
    for (AppPort port : app.ports()) {
      String label = port.label();
      if (port.name() != null && names.containsKey(label)) {
        report.accept(Sites.placed(program, decl, Diagnostic.error(Code.PORT_CONFLICT, port.name().span(),
                decl.label() + " declares port `" + label + "` twice")
            .withHint("give each port its own name")
            .withRelated(Sites.editable(program, decl, names.get(label).name().span()), "`" + label + "` is first declared here")));
        continue;
      }
      if (port.name() != null) {
        names.put(label, port);
      }
      if (port.number() == null) {
        continue;
      }
      long n = port.number().value();
      AppPort first = numbers.putIfAbsent(n, port);
      if (first != null) {
        report.accept(Sites.placed(program, decl, Diagnostic.error(Code.PORT_CONFLICT, port.number().span(),
                "ports `" + first.label() + "` and `" + label + "` of " + decl.label() + " both use " + n)
            .withHint("give each port its own number")
            .withRelated(Sites.editable(program, decl, first.number().span()), "`" + first.label() + "` uses " + n + " here")));
      }
    }
  }

  /** One diagnostic per app, at its first route or probe that relies on the (missing) first port. */
  private void noPort(Program program, App app, Consumer<Diagnostic> report) {
    List<User> users = new ArrayList<>();
    app.routes().stream().filter(r -> !r.namesPort()).forEach(r -> users.add(new User(r.span(), "route")));
    if (app.probe() != null && !app.probe().namesPort()) {
      users.add(new User(app.probe().span(), "probe"));
    }
    if (users.isEmpty()) {
      return;
    }
    Decl decl = app.decl();
    User first = users.get(0);
    String what = first.what().equals("route") ? "is routed" : "has a probe";
    Diagnostic diagnostic = Diagnostic.error(Code.UNKNOWN_PORT, first.span(), decl.label() + " " + what + " but declares no port")
        .withHint("add `port http 8080` (with the port it listens on): a route or probe without `port NAME` uses the app's first port");
    for (User other : users.subList(1, users.size())) {
      diagnostic = diagnostic.withRelated(Sites.editable(program, decl, other.span()), "this " + other.what() + " needs a port too");
    }
    report.accept(Sites.placed(program, decl, diagnostic));
  }
}
