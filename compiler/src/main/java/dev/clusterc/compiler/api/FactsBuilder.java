package dev.clusterc.compiler.api;

import dev.clusterc.compiler.api.DeclarationFacts.Fact;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.network.TraefikEntryPoints;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppRoute;
import dev.clusterc.compiler.model.Certificate;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Component;
import dev.clusterc.compiler.model.Database;
import dev.clusterc.compiler.model.Dns;
import dev.clusterc.compiler.model.Gateway;
import dev.clusterc.compiler.model.Issuer;
import dev.clusterc.compiler.model.Listener;
import dev.clusterc.compiler.model.Node;
import dev.clusterc.compiler.model.Pool;
import dev.clusterc.compiler.model.Secret;
import dev.clusterc.compiler.model.Vip;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.Namespaces;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds the {@link DeclarationFacts} of a symbol from the analysed program: the item as written
 * (signature, doc comment) and, for a declaration taking part in the cluster, its lowered record
 * (the same reading the checkers and emitters use, so a hover shows what compile will write).
 */
final class FactsBuilder {
  private final Program program;
  private final Map<String, SourceUnit> documents;

  FactsBuilder(Program program, Map<String, SourceUnit> documents) {
    this.program = program;
    this.documents = documents;
  }

  Optional<DeclarationFacts> facts(Symbol symbol) {
    if (symbol == null) {
      return Optional.empty();
    }
    Optional<Decl> decl = declaration(program, symbol);
    if (symbol.keyword().equals("parameter")) {
      List<Fact> template = templateOf(symbol.span()).map(t -> List.of(new Fact("template", t.name().text()))).orElse(List.of());
      return Optional.of(new DeclarationFacts("parameter", symbol.name(), oneLine(symbol.span().text()), "", null, template,
          List.of()));
    }
    Item item = item(symbol.span()).orElse(null);
    if (item == null && decl.isEmpty()) {
      return Optional.empty();
    }
    String doc = item == null ? "" : item.doc();
    if (decl.isPresent() && decl.get().use() != null && decl.get().source() != null) {
      doc = joined(decl.get().use().doc(), decl.get().source().doc());
    }
    String signature = item != null ? signature(item) : symbol.keyword() + " " + symbol.name();
    List<Fact> values = new ArrayList<>();
    List<DeclarationFacts.Listener> listeners = new ArrayList<>();
    String keyword = symbol.keyword();
    String layer = null;
    if (decl.isPresent() && decl.get().body() != null) {
      keyword = decl.get().kind().keyword();
      layer = decl.get().layer();
      values(decl.get(), values, listeners);
    }
    return Optional.of(new DeclarationFacts(keyword, symbol.name(), signature, doc == null ? "" : doc.strip(), layer, values,
        listeners));
  }

  /**
   * The declaration of the cluster a symbol names: by its name, or by the {@code use} that turned
   * a standard-library component on.
   */
  static Optional<Decl> declaration(Program program, Symbol symbol) {
    for (Decl decl : program.decls()) {
      Item.Declaration source = decl.source();
      if (source != null && source.name() != null && source.name().span().equals(symbol.selection())) {
        return Optional.of(decl);
      }
      Item.Use use = decl.use();
      if (use != null && use.name() != null && use.name().span().equals(symbol.selection())) {
        return Optional.of(decl);
      }
    }
    return Optional.empty();
  }

  private Optional<Item> item(SourceSpan span) {
    SourceUnit unit = documents.get(span.file().path());
    return unit == null ? Optional.empty() : unit.items().stream().filter(i -> i.span().equals(span)).findFirst();
  }

  /** The template whose parameter list holds {@code param}. */
  private Optional<Item.Template> templateOf(SourceSpan param) {
    SourceUnit unit = documents.get(param.file().path());
    if (unit == null) {
      return Optional.empty();
    }
    return unit.items().stream().filter(Item.Template.class::isInstance).map(Item.Template.class::cast)
        .filter(t -> t.name() != null && t.params().stream().anyMatch(p -> p.span().equals(param))).findFirst();
  }

  /** The header of an item: its text up to its block, on one line. */
  static String signature(Item item) {
    SourceSpan span = item.span();
    int end = span.end();
    if (item instanceof Item.Declaration d && d.body() != null) {
      end = d.body().span().start();
    } else if (item instanceof Item.Use u && u.body() != null) {
      end = u.body().span().start();
    } else if (item instanceof Item.Template t && t.body() != null) {
      end = t.body().span().start();
    }
    return oneLine(span.file().text().substring(span.start(), Math.max(span.start(), end)));
  }

  /** A {@code use}'s own doc comment, then the component's. */
  private static String joined(String use, String component) {
    String first = use == null ? "" : use.strip();
    String second = component == null ? "" : component.strip();
    return first.isEmpty() ? second : second.isEmpty() ? first : first + "\n\n" + second;
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private void values(Decl decl, List<Fact> values, List<DeclarationFacts.Listener> listeners) {
    ClusterModel model = program.model();
    switch (decl.kind()) {
      case CLUSTER -> {
        Cluster cluster = Cluster.of(model, decl);
        add(values, "domain", cluster.domain());
        add(values, "gitops", cluster.gitops() == null ? null : cluster.gitops().engine());
      }
      case NODE -> {
        Node node = Node.of(model, decl);
        add(values, "role", node.role());
        add(values, "address", node.address());
        add(values, "disk", node.disk());
      }
      case VIP -> {
        Vip vip = Vip.of(model, decl);
        add(values, "address", vip.address());
        add(values, "on", vip.on().isEmpty() ? "control-plane" : names(vip.on()));
        add(values, "via", vip.via());
      }
      case POOL -> {
        Pool pool = Pool.of(model, decl);
        add(values, "range", pool.ranges().stream().map(r -> r.span().text()).collect(Collectors.joining(", ")));
        add(values, "announce", pool.l2() ? "l2" : "bgp");
        add(values, "via", pool.via());
      }
      case GATEWAY -> {
        Gateway gateway = Gateway.of(model, decl);
        add(values, "class", gateway.gatewayClass());
        add(values, "address", gateway.address() == null ? "none written: the pool assigns one" : gateway.address());
        add(values, "expose", gateway.expose());
        for (Listener listener : gateway.listeners()) {
          int emitted = listener.port() > 0 ? TraefikEntryPoints.gatewayPort(program, gateway.gatewayClass(), listener.port()) : 0;
          listeners.add(new DeclarationFacts.Listener(listener.name(), listener.protocol(), emitted, listener.port(),
              listener.hostname(), listener.certificate() == null ? null : listener.certificate().name()));
        }
      }
      case DNS -> {
        Dns dns = Dns.of(model, decl);
        add(values, "address", dns.address().orElse(null));
        add(values, "zone", dns.zone());
        add(values, "via", dns.via());
      }
      case CERTIFICATE -> {
        Certificate certificate = Certificate.of(model, decl);
        add(values, "hosts", String.join(", ", certificate.hosts()));
        add(values, "issuer", certificate.issuer() == null ? null : certificate.issuer().name());
        add(values, "secret", certificate.secretName());
      }
      case ISSUER -> {
        Issuer issuer = Issuer.of(model, decl);
        add(values, "email", issuer.email());
        add(values, "server", issuer.server());
      }
      case SECRET -> add(values, "keys", String.join(", ", Secret.of(model, decl).keys()));
      case VOLUME -> {
        Volume volume = Volume.of(model, decl);
        add(values, "size", volume.size() == null ? null : volume.size().value());
        add(values, "access", volume.access() == null ? null : volume.access().mode());
        add(values, "backup", volume.backup() == null ? "none" : volume.backup().name());
      }
      case DATABASE -> {
        Database database = Database.of(model, decl);
        add(values, "version", database.version() == null ? null : database.version().value());
        add(values, "instances", database.instances() == null ? null : database.instances().value());
        add(values, "size", database.size() == null ? null : database.size().value());
        add(values, "backup", database.backup() == null ? "none" : database.backup().name());
      }
      case APP -> {
        App app = App.of(model, decl);
        add(values, "image", app.image() == null ? null : app.image().value());
        add(values, "replicas", app.replicas());
        add(values, "routes", app.routes().stream().filter(r -> r.host() != null).map(FactsBuilder::route)
            .collect(Collectors.joining(", ")));
      }
      case COMPONENT -> {
        Component component = Component.of(model, decl);
        component.chart().ifPresent(c -> add(values, "chart", c.chart() + " " + c.version() + " from " + c.repository()));
        add(values, "provides", String.join(", ", component.provides()));
      }
      default -> {
        // backup and store: their entries say it all
      }
    }
    add(values, "namespace", new Namespaces(model).of(decl));
  }

  private static String route(AppRoute route) {
    return route.host().value() + (route.gateway() == null ? "" : " via " + route.gateway().name());
  }

  private static String names(List<Decl> decls) {
    return decls.stream().map(Decl::name).collect(Collectors.joining(", "));
  }

  private static void add(List<Fact> values, String label, Object value) {
    if (value != null && !String.valueOf(value).isBlank()) {
      values.add(new Fact(label, String.valueOf(value)));
    }
  }
}
