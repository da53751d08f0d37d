package org.jeras.layers.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jeras.core.callbacks.Callback;
import org.jeras.core.callbacks.EarlyStopping;
import org.jeras.core.callbacks.ReduceLROnPlateau;
import org.jeras.core.config.ConfigException;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.SGD;
import org.jeras.core.testing.LogCapture;
import org.jeras.core.training.CompileOptions;
import org.jeras.core.training.FitOptions;
import org.jeras.layers.core.Dense;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What compile, fit and the monitoring callbacks say about arguments they cannot use. */
class TrainingMessagesTest {
  private static Sequential model() {
    Sequential m = new Sequential();
    m.add(Input.of(3));
    m.add(new Dense(2));
    return m;
  }

  @Test
  void unknownLossAndMetricNamesSayWhereTheyCameFromAndWhatIsClose() {
    ConfigException loss = assertThrows(ConfigException.class, () -> model().compile(new SGD(0.1), "msee"));
    assertTrue(loss.getMessage().startsWith("compile() 'loss': Unknown Loss 'msee'; closest known names: mse"),
        loss.getMessage());
    ConfigException metric = assertThrows(ConfigException.class,
        () -> model().compile(CompileOptions.of(new SGD(0.1)).loss("mse").metrics("binary_acuracy")));
    assertTrue(metric.getMessage().startsWith(
        "compile() 'metrics': Unknown Metric 'binary_acuracy'; closest known names: binary_accuracy"),
        metric.getMessage());
  }

  @Test
  void aBatchSizeBelowOneIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FitOptions.defaults().batchSize(0));
    assertEquals("batch_size must be a positive integer, got 0", e.getMessage());
    Sequential m = model();
    assertThrows(IllegalArgumentException.class, () -> m.predict(Nd4j.ones(DataType.FLOAT, 4, 3), 0));
  }

  /** The WARN lines logged while {@code body} runs (slf4j-simple's format: "[thread] WARN logger - message"). */
  private static List<String> warningsDuring(Runnable body) {
    List<String> out = new ArrayList<>();
    for (String line : LogCapture.during(body).split("\\R")) {
      int at = line.indexOf(" WARN ");
      if (at >= 0) {
        out.add(line.substring(line.indexOf(" - ", at) + 3).strip());
      }
    }
    return out;
  }

  private static void fit(Callback callback) {
    Sequential m = model();
    m.compile(new SGD(0.1), "mse");
    INDArray x = Nd4j.ones(DataType.FLOAT, 4, 3);
    m.fit(x, Nd4j.zeros(DataType.FLOAT, 4, 2), FitOptions.defaults().epochs(3).batchSize(2).verbose(0).callbacks(callback));
  }

  @Test
  void aMonitorMissingFromTheLogsIsWarnedAboutAsKerasDoes() {
    List<String> early = warningsDuring(() -> fit(new EarlyStopping("val_loss", 1)));
    assertEquals(List.of("Early stopping conditioned on metric `val_loss` which is not available. "
        + "Available metrics are: loss"), early);
    List<String> plateau = warningsDuring(() -> fit(new ReduceLROnPlateau()));
    assertEquals(List.of("Learning rate reduction is conditioned on metric `val_loss` which is not available. "
        + "Available metrics are: loss,learning_rate."), plateau);
  }
}
