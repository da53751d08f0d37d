package org.jeras.layers.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.DoubleSupplier;
import org.jeras.core.callbacks.ProgbarLogger;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.SGD;
import org.jeras.core.training.FitOptions;
import org.jeras.core.training.ProgressBar;
import org.jeras.layers.core.Dense;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What fit, evaluate and predict print through their ProgbarLogger. Inputs and targets are zero,
 * so every logged value is exactly 0 (Keras prints {@code 0.0000e+00}); a fake clock advancing
 * 30 ms per reading makes the times exact.
 */
class ProgbarOutputTest {
  private static final INDArray X = Nd4j.zeros(DataType.FLOAT, 4, 3);
  private static final INDArray Y = Nd4j.zeros(DataType.FLOAT, 4, 1);

  private static Sequential model() {
    Sequential m = new Sequential();
    m.add(Input.of(3));
    m.add(new Dense(1));
    m.compile(new SGD(0.1), "mse");
    return m;
  }

  private static DoubleSupplier ticking() {
    double[] t = {1_700_000_000.0};
    return () -> t[0] += 0.03;
  }

  private static String captureStdout(Runnable body) {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(saved);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String visible(String s) {
    return s.replace("\u001b", "<ESC>").replace("\b", "<BS>").replace("\r", "<CR>");
  }

  @Test
  void verboseTwoPrintsKerasOneLinePerEpochWithValidation() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgbarLogger logger = new ProgbarLogger(new PrintStream(bytes, true, StandardCharsets.UTF_8))
        .clock(ticking());
    String stdout = captureStdout(() -> model().fit(X, Y, FitOptions.defaults().epochs(2).batchSize(2)
        .verbose(2).validationData(X, Y).callbacks(logger)));
    assertEquals("", stdout, "a ProgbarLogger given by the user replaces the default one");
    assertEquals("""
        Epoch 1/2
        2/2 - 0s - 15ms/step - loss: 0.0000e+00 - val_loss: 0.0000e+00
        Epoch 2/2
        2/2 - 0s - 15ms/step - loss: 0.0000e+00 - val_loss: 0.0000e+00
        """, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withoutAConsoleVerboseOnePrintsTheFinalLineOfEachBar() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Sequential m = model();
    ProgbarLogger reused = new ProgbarLogger(out).dynamic(false).clock(ticking());
    m.fit(X, Y, FitOptions.defaults().epochs(2).batchSize(1).validationData(X, Y).callbacks(reused));
    m.evaluate(X, Y, 2, 1, reused);
    m.predict(X, 4, 1, new ProgbarLogger(out).dynamic(false).clock(ticking()));
    String bar = "━".repeat(20);
    assertEquals("Epoch 1/2\n"
        + "4/4 " + bar + " 0s 40ms/step - loss: 0.0000e+00 - val_loss: 0.0000e+00\n"
        + "Epoch 2/2\n"
        + "4/4 " + bar + " 0s 40ms/step - loss: 0.0000e+00 - val_loss: 0.0000e+00\n"
        + "2/2 " + bar + " 0s 60ms/step - loss: 0.0000e+00\n"
        + "1/1 " + bar + " 0s 60ms/step\n", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void onATerminalVerboseOneRedrawsInPlace() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model().evaluate(X, Y, 2, 1, new ProgbarLogger(new PrintStream(bytes, true, StandardCharsets.UTF_8))
        .dynamic(true).clock(ticking()));
    String first = "\u001b[1m1/2\u001b[0m \u001b[32m" + "━".repeat(10) + "\u001b[0m\u001b[37m" + "━".repeat(10)
        + "\u001b[0m \u001b[1m0s\u001b[0m 30ms/step - loss: 0.0000e+00";
    // 1/2 at t+0.03 is drawn (the first draw); 2/2 at t+0.06 comes within 50 ms and is skipped;
    // the final line at t+0.09 times the steps after the first: (0.09 - 0.03) / 1. The 56
    // backspaces are the first line's visible width, as Keras counts it.
    String last = "\u001b[1m2/2\u001b[0m \u001b[32m" + "━".repeat(20) + "\u001b[0m\u001b[37m\u001b[0m"
        + " \u001b[1m0s\u001b[0m 60ms/step - loss: 0.0000e+00";
    assertEquals(visible("\r" + first + "\b".repeat(56) + "\r" + last + "\n"),
        visible(bytes.toString(StandardCharsets.UTF_8)));
  }

  @Test
  void verboseZeroAddsNoLoggerAndTheDefaultsPrintToStdout() {
    assertEquals("", captureStdout(() -> {
      Sequential m = model();
      m.fit(X, Y, FitOptions.defaults().epochs(2).verbose(0));
      m.evaluate(X, Y, 2, 0);
      m.predict(X, 2, 0);
    }));
    assumeTrue(!ProgressBar.hasTerminal(), "the default bar redraws in place on a terminal");
    String stdout = captureStdout(() -> {
      Sequential m = model();
      m.fit(X, Y, FitOptions.defaults().batchSize(2));
      m.evaluate(X, Y, 2);
      m.predict(X, 2);
    });
    String[] lines = stdout.split("\n", -1);
    assertEquals(4, lines.length, stdout);
    assertTrue(lines[0].matches("2/2 ━{20} \\d+s \\d+(s|ms|us)/step - loss: 0\\.0000e\\+00"), lines[0]);
    assertTrue(lines[1].matches("2/2 ━{20} \\d+s \\d+(s|ms|us)/step - loss: 0\\.0000e\\+00"), lines[1]);
    assertTrue(lines[2].matches("2/2 ━{20} \\d+s \\d+(s|ms|us)/step"), lines[2]);
    assertEquals("", lines[3]);
  }
}
