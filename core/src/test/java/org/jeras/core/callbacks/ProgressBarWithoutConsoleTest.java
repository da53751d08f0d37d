package org.jeras.core.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jeras.core.training.ProgressBar;
import org.junit.jupiter.api.Test;

/**
 * Without a console (IDE, CI, piped output) verbose 1 prints each bar's final line once, without
 * escape codes, backspaces or carriage returns, so a log gets one readable line per epoch.
 */
class ProgressBarWithoutConsoleTest {
  @Test
  void onlyTheFinalLineIsPrintedPlain() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    double[] now = {1_700_000_000.0};
    ProgressBar bar = new ProgressBar(out, 3, 1, false, () -> now[0]);
    for (int step = 1; step <= 3; step++) {
      now[0] += 0.2;
      bar.update(step, Map.of("loss", 1.0 / step), false);
      assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing before the bar ends");
    }
    now[0] += 0.01;
    bar.update(3, Map.of("loss", 0.25, "val_loss", 0.5), true);
    assertEquals("3/3 " + "━".repeat(20) + " 1s 205ms/step - loss: 0.2500 - val_loss: 0.5000\n",
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anUnknownLengthPrintsTheCountAtTheEnd() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    double[] now = {1_700_000_000.0};
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), -1, 1, false,
        () -> now[0]);
    now[0] += 0.002;
    bar.update(1, null, false);
    now[0] += 0.0004;
    bar.update(2, null, true);
    assertEquals("      2/Unknown 0s 400us/step\n", bytes.toString(StandardCharsets.UTF_8));
  }
}
