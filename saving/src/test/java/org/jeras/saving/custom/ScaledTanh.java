package org.jeras.saving.custom;

import org.jeras.core.activations.Activation;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.tensor.Tensor;

/** The fixtures' function {@code fixtures>scaled_tanh} (fixture_custom.py): LeCun's {@code 1.7159 * tanh(2/3 * x)}. */
public final class ScaledTanh implements Activation {
  /** The one instance; functions serialize by identity, so models share it. */
  public static final ScaledTanh INSTANCE = new ScaledTanh();

  private ScaledTanh() {}

  @Override
  public Tensor apply(Tensor x) {
    return MathOps.mul(NnOps.tanh(MathOps.mul(x, 0.6666667)), 1.7159);
  }
}
