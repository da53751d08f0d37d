package org.jeras.saving.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jeras.core.callbacks.EarlyStopping;
import org.jeras.core.callbacks.History;
import org.jeras.core.callbacks.ReduceLROnPlateau;
import org.jeras.core.model.Model;
import org.jeras.core.testing.LogCapture;
import org.jeras.core.training.FitOptions;
import org.junit.jupiter.api.Test;

/** The builders of {@link EarlyStopping} and {@link ReduceLROnPlateau}, and Keras's warning for an absent monitor. */
class MonitorWarningsTest {
  private static final int N = 24;

  private static FitOptions options(int epochs) {
    return FitOptions.defaults().epochs(epochs).batchSize(6).shuffle(false).verbose(0);
  }

  @Test
  void earlyStoppingWarnsOnceWhenValLossNeverAppears() {
    Model model = CallbackModels.mlp(7);
    History[] h = new History[1];
    String log = LogCapture.during(() -> h[0] = model.fit(CallbackModels.x(N), CallbackModels.y(N),
        options(3).callbacks(EarlyStopping.builder().build())));
    String warning = "Early stopping conditioned on metric `val_loss` which is not available. "
        + "Available metrics are: loss,mae";
    assertEquals(1, count(log, warning), log);
    assertEquals(List.of(0, 1, 2), h[0].epochs(), "nothing to watch, nothing stops");
  }

  @Test
  void reduceLrOnPlateauWarnsOnceWhenValLossNeverAppears() {
    Model model = CallbackModels.mlp(7);
    String log = LogCapture.during(() -> model.fit(CallbackModels.x(N), CallbackModels.y(N),
        options(3).callbacks(ReduceLROnPlateau.builder().build())));
    String warning = "Learning rate reduction is conditioned on metric `val_loss` which is not available. "
        + "Available metrics are: loss,mae,learning_rate.";
    assertEquals(1, count(log, warning), log);
    assertEquals(0.01, model.optimizer().learningRate(), 1e-9);
  }

  @Test
  void earlyStoppingBuilderStopsWhenTheWatchedValueDoesNotImprove() {
    Model model = CallbackModels.mlp(7);
    // The loss falls each epoch, which is no improvement in max mode: patience 0 stops after epoch 1.
    EarlyStopping stop = EarlyStopping.builder().monitor("loss").mode("max").build();
    History h = model.fit(CallbackModels.x(N), CallbackModels.y(N), options(5).callbacks(stop));
    assertEquals(List.of(0, 1), h.epochs());
    assertEquals(1, stop.stoppedEpoch());
  }

  @Test
  void reduceLrOnPlateauBuilderHalvesTheRate() {
    Model model = CallbackModels.mlp(7);
    History h = model.fit(CallbackModels.x(N), CallbackModels.y(N), options(3).callbacks(
        ReduceLROnPlateau.builder().monitor("loss").mode("max").patience(1).factor(0.5).build()));
    List<Double> lr = h.get("learning_rate");
    assertEquals(0.01, lr.get(0), 1e-9);
    assertEquals(0.01, lr.get(1), 1e-9);
    assertEquals(0.005, lr.get(2), 1e-9);
    assertEquals(0.0025, model.optimizer().learningRate(), 1e-9);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
