package org.jeras.saving.custom;

import org.jeras.core.config.Config;
import org.jeras.core.initializers.Ones;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.VariableStore;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * An unregistered custom layer ({@code x * scale}) whose call refuses to run until its scale is
 * set or loaded, but whose output shape is known from its input shape alone.
 */
public final class LoadedScale extends Layer {
  private Variable scale;
  private boolean ready;

  public static LoadedScale fromConfig(Config c) {
    return new LoadedScale().withBaseConfig(c);
  }

  @Override
  protected void build(Shape inputShape) {
    scale = addWeight("scale", new long[] {inputShape.get(-1)}, new Ones());
  }

  /** Sets the scale from Java code (the state a load would bring). */
  public LoadedScale setScale(float... values) {
    scale.assign(org.nd4j.linalg.factory.Nd4j.createFromArray(values));
    ready = true;
    return this;
  }

  @Override
  public void loadOwnVariables(VariableStore store) {
    super.loadOwnVariables(store);
    ready = true;
  }

  @Override
  protected Tensor call(Tensor input, CallContext ctx) {
    if (!ready) {
      throw new IllegalStateException("LoadedScale '" + name() + "' called before its scale was loaded");
    }
    return MathOps.mul(input, scale.read());
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }
}
