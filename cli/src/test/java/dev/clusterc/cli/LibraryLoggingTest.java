package dev.clusterc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the libraries log through SLF4J (fabric8, JGit, Apache MINA): the jar's provider writes warnings
 * and errors to stderr, drops the rest, and never writes to stdout.
 */
class LibraryLoggingTest {
  @Test
  void warningsGoToStderrAndNothingToStdout() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
    ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
      Logger logger = LoggerFactory.getLogger("io.fabric8.kubernetes.client.Example");
      logger.info("an info line");
      logger.debug("a debug line");
      logger.warn("a warning line");
      logger.error("an error line");
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String stderr = capturedErr.toString(StandardCharsets.UTF_8);
    assertEquals("", capturedOut.toString(StandardCharsets.UTF_8), "stdout is clusterc's own");
    assertTrue(stderr.contains("WARN") && stderr.contains("a warning line"), stderr);
    assertTrue(stderr.contains("ERROR") && stderr.contains("an error line"), stderr);
    assertFalse(stderr.contains("an info line") || stderr.contains("a debug line"), stderr);
    assertFalse(stderr.contains("SLF4J(W)"), stderr);
  }
}
