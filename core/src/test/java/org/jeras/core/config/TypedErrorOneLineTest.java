package org.jeras.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jeras.core.graph.TraceException;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.ops.OpShapeException;
import org.jeras.core.ops.TensorLimitException;
import org.junit.jupiter.api.Test;

/** Every typed error's message is one printable line of bounded length, whatever names it carries. */
class TypedErrorOneLineTest {
  private static final String HOSTILE = "layer\u001b[2K\r\nrm -rf\u0007";

  @Test
  void controlCharactersAreEscapedInEveryTypedError() {
    List<RuntimeException> errors = List.of(new ConfigException("Layer '" + HOSTILE + "' failed"),
        new ConfigException("Layer '" + HOSTILE + "' failed", new RuntimeException()),
        new IncompatibleInputException("Layer '" + HOSTILE + "' failed"),
        new OpShapeException("Layer '" + HOSTILE + "' failed"),
        new TensorLimitException("Layer '" + HOSTILE + "' failed"),
        new TraceException(HOSTILE, "matmul", "failed"));
    for (RuntimeException e : errors) {
      assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), e.getClass() + ": " + e.getMessage());
      assertTrue(e.getMessage().contains("layer\\u001b[2K\\r\\nrm -rf\\u0007"), e.getMessage());
    }
  }

  @Test
  void longMessagesAreCutAndSaySo() {
    String msg = new ConfigException("x".repeat(100_000)).getMessage();
    assertEquals(TypedError.MAX_MESSAGE_CHARS + "...(100000 chars)".length(), msg.length());
    assertTrue(msg.endsWith("...(100000 chars)"));
  }
}
