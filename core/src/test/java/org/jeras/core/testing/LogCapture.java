package org.jeras.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * What SLF4J logs while an action runs, as the tests' binding prints it:
 * {@code [thread] LEVEL logger.name - message}. The binding is slf4j-simple, set by the surefire
 * configuration to write to the current {@code System.err} at each call (not a cached stream).
 */
public final class LogCapture {
  private LogCapture() {}

  /** Runs {@code action} and returns the log lines it wrote. */
  public static String during(Runnable action) {
    String binding = LoggerFactory.getILoggerFactory().getClass().getName();
    if (!binding.startsWith("org.slf4j.simple.")) {
      throw new IllegalStateException("LogCapture reads slf4j-simple's output; the binding is " + binding);
    }
    PrintStream original = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    String captured = buffer.toString(StandardCharsets.UTF_8);
    original.print(captured);
    return captured;
  }
}
