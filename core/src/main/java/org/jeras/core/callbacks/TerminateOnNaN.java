package org.jeras.core.callbacks;

import java.util.Map;
import org.jeras.core.model.Model;

/** Stops training as soon as a batch's loss is NaN or infinite (Keras's {@code TerminateOnNaN}). */
public final class TerminateOnNaN implements Callback {
  private Model model;

  @Override
  public void setModel(Model model) {
    this.model = model;
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    Double loss = logs.get("loss");
    if (loss != null && (loss.isNaN() || loss.isInfinite())) {
      System.out.println("Batch " + batch + ": Invalid loss, terminating training");
      model.stopTraining();
    }
  }
}
