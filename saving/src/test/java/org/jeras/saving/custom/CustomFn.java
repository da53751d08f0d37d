package org.jeras.saving.custom;

import org.jeras.core.activations.Activation;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/** The Keras guide's function {@code my_package>custom_fn} (fixture_custom.py): {@code x ** 2}. */
public final class CustomFn implements Activation {
  /** The one instance; functions serialize by identity, so models share it. */
  public static final CustomFn INSTANCE = new CustomFn();

  private CustomFn() {}

  @Override
  public Tensor apply(Tensor x) {
    return MathOps.square(x);
  }
}
