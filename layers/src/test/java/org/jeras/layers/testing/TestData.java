package org.jeras.layers.testing;

import org.jeras.core.layer.DTypePolicy;
import org.jeras.core.layer.Layer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Inputs and float64 layers for the layer tests' finite-difference checks. */
public final class TestData {
  private TestData() {}

  /** {@code layer} computing in float64, as the gradient checks need. */
  public static <L extends Layer> L f64(L layer) {
    layer.setDtypePolicy(new DTypePolicy("float64"));
    return layer;
  }

  /** float64 values uniform in {@code [low, high)}, the same for the same seed. */
  public static INDArray uniform(long seed, double low, double high, long... shape) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.DOUBLE, shape).muli(high - low).addi(low);
  }
}
