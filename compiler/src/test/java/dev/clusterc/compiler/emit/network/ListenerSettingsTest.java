package dev.clusterc.compiler.emit.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerSettingsTest {
  @Test
  void protocolComesFromTheNameAndPortFromTheProtocol() {
    // https listeners without certificates: an error for the checker, not for reading the settings
    Program program = CheckFixture.program(CheckFixture.BASE + """
        use traefik
        gateway web {
          class    traefik
          listener http {}
          listener https { hostname "Www.Example.org." }
          listener admin { protocol http; port 9000 }
          listener alt { protocol https; hostname "alt.example.org" }
        }
        """);
    List<ListenerSettings> listeners = ListenerSettings.of(program.decls(Kind.GATEWAY).get(0));
    assertEquals(List.of(
        new ListenerSettings("http", "http", 80, null, null),
        new ListenerSettings("https", "https", 443, "www.example.org", null),
        new ListenerSettings("admin", "http", 9000, null, null),
        new ListenerSettings("alt", "https", 443, "alt.example.org", null)), listeners);
    assertEquals("HTTPS", listeners.get(1).gatewayProtocol());
  }
}
