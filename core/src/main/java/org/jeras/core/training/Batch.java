package org.jeras.core.training;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One batch of training or evaluation data: inputs (one per model input), targets (one per model
 * output, empty for prediction) and optional per-sample weights.
 */
public record Batch(List<INDArray> x, List<INDArray> y, INDArray sampleWeight) {
  /**
   * A batch of one input and one target without sample weights.
   *
   * @param x the inputs
   * @param y the targets
   * @return the batch
   */
  public static Batch of(INDArray x, INDArray y) {
    return new Batch(List.of(x), y == null ? List.of() : List.of(y), null);
  }

  /** {@return the number of samples in the batch} */
  public long size() {
    return x.get(0).size(0);
  }
}
