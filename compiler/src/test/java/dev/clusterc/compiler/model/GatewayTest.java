package dev.clusterc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayTest {
  // https listeners without certificates: an error for the checker, not for lowering the listeners
  static final String WEB = CheckFixture.BASE + """
      use traefik
      gateway web {
        class    traefik
        listener http {}
        listener https { hostname "Www.Example.org." }
        listener admin { protocol http; port 9000 }
        listener alt { protocol https; hostname "alt.example.org" }
      }
      """;

  @Test
  void protocolComesFromTheNameAndPortFromTheProtocol() {
    Gateway gateway = gateway(CheckFixture.program(WEB));
    List<Listener> listeners = gateway.listeners();
    assertEquals(List.of("http", "https", "admin", "alt"), listeners.stream().map(Listener::name).toList());
    assertEquals(List.of("http", "https", "http", "https"), listeners.stream().map(Listener::protocol).toList());
    assertEquals(List.of(80, 443, 9000, 443), listeners.stream().map(Listener::port).toList());
    assertEquals("HTTPS", listeners.get(1).gatewayProtocol());
  }

  @Test
  void whatTheChecksPointAtIsKeptAsWritten() {
    Gateway gateway = gateway(CheckFixture.program(WEB));
    List<Listener> listeners = gateway.listeners();
    assertEquals(List.of("http", "https", "admin", "alt"), listeners.stream().map(l -> l.nameSpan().text()).toList());
    assertEquals(List.of(false, false, true, true), listeners.stream().map(Listener::protocolStated).toList());
    assertNull(listeners.get(0).writtenPort());
    assertEquals("9000", listeners.get(2).writtenPort().span().text());
    assertNull(listeners.get(1).certificateSpan());
    assertEquals("class    traefik", gateway.classEntry().text());
  }

  @Test
  void hostnamesAreComparedLowerCasedWithoutTheTrailingDotButKeptAsWrittenForMessages() {
    List<Listener> listeners = gateway(CheckFixture.program(WEB)).listeners();
    assertNull(listeners.get(0).hostname());
    assertEquals("www.example.org", listeners.get(1).hostname());
    assertEquals("Www.Example.org.", listeners.get(1).writtenHostname());
    assertEquals("\"Www.Example.org.\"", listeners.get(1).hostnameSpan().text());
    assertEquals("http", listeners.get(2).protocolSpan().text());
    assertNull(listeners.get(0).protocolSpan());
  }

  @Test
  void exposeDefaultsToInternalFromTheSchemaAndTheClassIsAsWritten() {
    Gateway gateway = gateway(CheckFixture.program(WEB));
    assertEquals("internal", gateway.expose());
    assertFalse(gateway.isPublic());
    assertNull(gateway.exposeSpan());
    assertEquals("traefik", gateway.gatewayClass());
    assertNull(gateway.address());
  }

  @Test
  void theRecordIsMadeOncePerDeclaration() {
    Program program = CheckFixture.program(WEB);
    assertSame(gateway(program), gateway(program));
    assertTrue(gateway(program).listeners().get(0).hasBlock());
  }

  private static Gateway gateway(Program program) {
    return Gateway.of(program.model(), program.decls(Kind.GATEWAY).get(0));
  }
}
