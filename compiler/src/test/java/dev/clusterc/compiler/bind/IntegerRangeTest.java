package dev.clusterc.compiler.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.compiler.CheckFixture;
import dev.clusterc.compiler.diag.Code;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** An {@code int} is 32-bit: anything larger is {@code invalid-value} when read, so nothing later overflows. */
class IntegerRangeTest {
  private static String invalid(String declarations) {
    return CheckFixture.program(CheckFixture.BASE + declarations).diagnostics().stream()
        .filter(d -> d.code() == Code.INVALID_VALUE)
        .map(d -> d.span().begin() + ": " + d.message() + " / " + d.hint())
        .collect(Collectors.joining("\n"));
  }

  @Test
  void replicasJustPast32BitsAreInvalid() {
    assertEquals("8:43: `2147483648` is out of range for an integer / an integer lies between -2147483648 and 2147483647",
        invalid("app a { image \"ghcr.io/x/a:1.0\"; replicas 2147483648 }\n"));
  }

  @Test
  void theLargest32BitCountIsRead() {
    assertEquals("", invalid("app a { image \"ghcr.io/x/a:1.0\"; replicas 2147483647 }\n"));
  }

  @Test
  void everyIntPositionIsBounded() {
    String found = invalid("""
        app a { image "ghcr.io/x/a:1.0"; port http 99999999999999999999999; replicas -9999999999 }
        database d { size 1Gi; backup none; instances 4294967297; version 0000000000000000017 }
        """);
    assertEquals("""
        8:44: `99999999999999999999999` is out of range for an integer / an integer lies between -2147483648 and 2147483647
        8:78: `-9999999999` is out of range for an integer / an integer lies between -2147483648 and 2147483647
        9:47: `4294967297` is out of range for an integer / an integer lies between -2147483648 and 2147483647""", found);
  }

  @Test
  void aHugeNumberOfDigitsIsOneDiagnostic() {
    String digits = "9".repeat(100_000);
    assertEquals(1, invalid("app a { image \"ghcr.io/x/a:1.0\"; replicas " + digits + " }\n").lines().count());
  }
}
