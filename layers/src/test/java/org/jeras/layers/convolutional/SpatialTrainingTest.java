package org.jeras.layers.convolutional;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.random.Seeds;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.layers.core.Dense;
import org.jeras.layers.pooling.GlobalAveragePooling2D;
import org.jeras.layers.pooling.MaxPooling2D;
import org.jeras.layers.reshaping.Cropping2D;
import org.jeras.layers.reshaping.UpSampling2D;
import org.jeras.layers.reshaping.ZeroPadding2D;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** A small model through every kind of spatial layer learns a synthetic task by plain gradient descent. */
class SpatialTrainingTest {

  @Test
  void gradientDescentReducesTheLoss() {
    Nd4j.getRandom().setSeed(42);
    Seeds.setGlobalSeed(7);
    // Each sample is noise plus an offset c on channel 0; the target is c.
    INDArray c = Nd4j.rand(DataType.FLOAT, 6, 1).subi(0.5).muli(2);
    INDArray x = Nd4j.rand(DataType.FLOAT, 6, 6, 6, 2).subi(0.5).muli(0.5);
    x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(0))
        .addi(c.reshape(6, 1, 1).broadcast(6, 6, 6));
    INDArray y = c;
    Sequential model = new Sequential();
    model.add(Input.of(6, 6, 2));
    model.add(new ZeroPadding2D(new int[][] {{1, 1}, {1, 1}}, "channels_last"));
    model.add(new Conv2D(4, 3).activation("tanh"));
    model.add(new DepthwiseConv2D(3).padding("same"));
    model.add(new MaxPooling2D(2));
    model.add(new Conv2DTranspose(3, 2).strides(2));
    model.add(new SeparableConv2D(4, 3).activation("tanh"));
    model.add(new UpSampling2D(new int[] {2, 2}, "channels_last", "bilinear"));
    model.add(new Cropping2D(new int[][] {{1, 1}, {1, 1}}, "channels_last"));
    model.add(new GlobalAveragePooling2D());
    model.add(new Dense(1));
    List<Variable> weights = model.trainableWeights();
    double first = Double.NaN;
    double last = Double.NaN;
    for (int step = 0; step < 40; step++) {
      List<INDArray> grads;
      try (GradientTape tape = GradientTape.record()) {
        Tensor out = model.call(Tensor.of(x), true);
        Tensor loss = ReduceOps.mean(MathOps.square(MathOps.sub(out, Tensor.of(y))));
        last = loss.value().getDouble(0);
        grads = tape.gradient(loss, weights);
      }
      if (step == 0) {
        first = last;
      }
      for (int i = 0; i < weights.size(); i++) {
        weights.get(i).assign(weights.get(i).array().sub(grads.get(i).mul(0.1)));
      }
    }
    assertTrue(last < 0.5 * first, "loss " + first + " -> " + last);
  }
}
