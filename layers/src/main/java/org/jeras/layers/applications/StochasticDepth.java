package org.jeras.layers.applications;

import org.jeras.core.config.Config;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.random.RandomOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Drops whole samples of a residual branch in training (Keras's ConvNeXt {@code StochasticDepth}):
 * each sample is kept with probability {@code 1 - drop_path_rate} and scaled by its inverse, or
 * zeroed (all of them at rate 1); the identity in inference. As Keras's, it draws from the global
 * random generator.
 */
public class StochasticDepth extends Layer {
  private final double dropPathRate;

  /**
   * Keras's {@code StochasticDepth(drop_path_rate)}.
   *
   * @param dropPathRate the probability of dropping the residual branch in training
   */
  public StochasticDepth(double dropPathRate) {
    this.dropPathRate = dropPathRate;
    if (!(dropPathRate >= 0 && dropPathRate <= 1)) {
      throw Args.invalid(className(), "drop_path_rate", "a probability in [0, 1]", dropPathRate);
    }
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    if (!ctx.training()) {
      return x;
    }
    double keep = 1 - dropPathRate;
    if (keep == 0) {
      return MathOps.mul(x, 0.0); // every path dropped (Keras would divide 0 by 0)
    }
    long[] shape = new long[x.rank()];
    java.util.Arrays.fill(shape, 1);
    shape[0] = x.shape().get(0);
    // floor(keep + U[0, 1)) is 1 with probability keep, else 0.
    INDArray mask = Transforms.floor(RandomOps.uniform(shape, x.dtype(), 0, 1, null).addi(keep), false);
    return MathOps.mul(MathOps.mul(x, 1 / keep), Tensor.of(mask));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public String module() {
    return Registry.moduleOf(this, ApplicationLayers.CONVNEXT);
  }

  @Override
  public String registeredName() {
    return ApplicationLayers.registeredName(this);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("drop_path_rate", dropPathRate);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code StochasticDepth.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static StochasticDepth fromConfig(Config c) {
    return new StochasticDepth(c.getDouble("drop_path_rate")).withBaseConfig(c);
  }
}
