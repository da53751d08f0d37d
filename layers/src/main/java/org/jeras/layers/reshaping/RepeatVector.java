package org.jeras.layers.reshaping;

import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.InputSpec;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.tensor.Tensor;

/** Repeats a {@code (batch, features)} input {@code n} times into {@code (batch, n, features)} (Keras's {@code RepeatVector}). */
public class RepeatVector extends Layer {
  private final int n;

  /**
   * Keras's {@code RepeatVector(n)}.
   *
   * @param n the number of repetitions
   */
  public RepeatVector(int n) {
    this.n = Args.positive(className(), "n", n);
    setInputSpec(InputSpec.ndim(2));
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    if (x.rank() != 2) {
      throw new IllegalArgumentException("RepeatVector needs a rank-2 input (batch, features), got " + x.shape());
    }
    return ArrayOps.repeat(ArrayOps.expandDims(x, 1), n, 1);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("n", n);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code RepeatVector.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static RepeatVector fromConfig(Config c) {
    return new RepeatVector(c.getInt("n")).withBaseConfig(c);
  }
}
