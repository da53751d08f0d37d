package org.jeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jeras.conformance.Fixtures;
import org.junit.jupiter.api.Test;

/** {@code --no-safe-mode} reaches the load: the refusal the message points at goes away. */
class SafeModeFlagTest {
  private static String errorOf(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(1, status);
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theFlagTurnsSafeModeOff() {
    String file = Fixtures.file("lambda_unsafe.keras").toString();
    String safe = errorOf("summary", file);
    assertTrue(safe.contains("--no-safe-mode"), safe);
    // Without safe mode the lambda is no longer refused as unsafe; its Python bytecode still cannot run.
    String unsafe = errorOf("summary", file, "--no-safe-mode");
    assertTrue(unsafe.contains("Python bytecode cannot run"), unsafe);
  }
}
