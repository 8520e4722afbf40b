package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MainTest {
  @ParameterizedTest
  @ValueSource(strings = {"", "check", "fmt", "graph", "bench", "generate-completion"})
  void versionOnEveryCommand(String command) {
    for (String flag : new String[] {"--version", "-V"}) {
      Cli.Result result = command.isEmpty() ? Cli.run(flag) : Cli.run(command, flag);
      assertEquals(0, result.exit(), result::toString);
      assertEquals("clusterc 0.1.0\n", result.out());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "check", "fmt", "graph", "bench", "generate-completion"})
  void helpOnEveryCommand(String command) {
    for (String flag : new String[] {"--help", "-h"}) {
      Cli.Result result = command.isEmpty() ? Cli.run(flag) : Cli.run(command, flag);
      assertEquals(0, result.exit(), result::toString);
      assertTrue(result.out().startsWith("Usage: clusterc" + (command.isEmpty() ? "" : " " + command)), result::toString);
    }
  }

  @Test
  void topLevelHelpListsTheCommands() {
    String help = Cli.run("--help").out();
    assertTrue(help.contains("check") && help.contains("fmt") && help.contains("generate-completion"), help);
  }

  @Test
  void versionCommandPrintsWhatVersionOptionPrints() {
    Cli.Result result = Cli.run("version");
    assertEquals(0, result.exit(), result::toString);
    assertEquals(Cli.run("--version").out(), result.out());
    assertEquals("", result.err());
  }

  @Test
  void helpCommandAloneIsTheTopLevelHelp() {
    Cli.Result result = Cli.run("help");
    assertEquals(0, result.exit(), result::toString);
    assertEquals(Cli.run("--help").out(), result.out());
    assertTrue(result.out().contains("help") && result.out().contains("version"), "both are listed: " + result);
  }

  @ParameterizedTest
  @ValueSource(strings = {"check", "compile", "fmt", "graph", "bench", "version"})
  void helpCommandNamesACommand(String command) {
    Cli.Result result = Cli.run("help", command);
    assertEquals(0, result.exit(), result::toString);
    assertEquals(Cli.run(command, "--help").out(), result.out());
  }

  @Test
  void helpForAnUnknownCommandIsAUsageError() {
    Cli.Result result = Cli.run("help", "nosuch").assertNoStackTrace();
    assertEquals(2, result.exit(), result::toString);
    assertTrue(result.err().contains("nosuch"), result::toString);
  }

  @Test
  void completionIsABashScript() {
    Cli.Result result = Cli.run("generate-completion");
    assertEquals(0, result.exit(), result::toString);
    assertTrue(result.out().contains("complete -"), "a bash `complete` command");
    assertTrue(result.out().contains("clusterc"), result::toString);
    assertTrue(result.out().contains("check") && result.out().contains("fmt"), "completes the subcommands");
  }

  @Test
  void noCommandIsAUsageError() {
    Cli.Result result = Cli.run().assertNoStackTrace();
    assertEquals(2, result.exit());
    assertTrue(result.err().startsWith("Usage: clusterc"), result::toString);
    assertEquals("", result.out());
  }

  @Test
  void unknownCommandIsAUsageError() {
    Cli.Result result = Cli.run("compile-everything").assertNoStackTrace();
    assertEquals(2, result.exit());
    assertTrue(result.err().contains("Unmatched argument"), result::toString);
  }

  @Test
  void runIsWhatMainExecutes() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new String[] {"--version"}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, exit);
    assertEquals("clusterc 0.1.0\n", out.toString());
  }

  @Test
  void internalErrorsAreOneLineAndAnAppeal() {
    StringWriter err = new StringWriter();
    Main.internalError(new PrintWriter(err, true), new NullPointerException());
    assertEquals("clusterc: internal error: NullPointerException\n"
        + "clusterc: this is a bug in clusterc; please report this, with the command and its input\n", err.toString());
  }
}
