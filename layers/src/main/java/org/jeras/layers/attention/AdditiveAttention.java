package org.jeras.layers.attention;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Defaults;

/**
 * Additive (Bahdanau-style) attention (Keras's {@code AdditiveAttention}): scores are
 * {@code sum(scale * tanh(query + key))} over the feature axis, {@code scale} being a learned
 * vector (glorot-uniform initialized) when {@code use_scale}. Masks, causal masking and outputs
 * are as in {@link Attention}.
 */
public class AdditiveAttention extends Attention {
  /**
   * Keras's {@code AdditiveAttention(use_scale, dropout, seed)}.
   *
   * @param useScale whether to learn a scale vector
   * @param dropout the dropout rate of the attention distribution
   * @param seed the dropout seed, or null
   */
  public AdditiveAttention(boolean useScale, double dropout, Long seed) {
    super(useScale, "dot", dropout, seed);
  }

  /** Keras's {@code AdditiveAttention()}: every argument at its default. */
  public AdditiveAttention() {
    this(true, 0.0, null);
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    validate(inputShapes.size());
    if (useScale) {
      scale = addWeight("scale", new long[] {inputShapes.get(0).get(-1)}, Defaults.initializer("glorot_uniform"));
    }
  }

  @Override
  protected Tensor scores(Tensor query, Tensor key) {
    Tensor t = NnOps.tanh(MathOps.add(ArrayOps.expandDims(query, -2), ArrayOps.expandDims(key, -3)));
    return ReduceOps.sum(scale == null ? t : MathOps.mul(t, scale.read()), false, -1);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().remove("score_mode");
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code AdditiveAttention.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static AdditiveAttention fromConfig(Config c) {
    return new AdditiveAttention(c.getBoolean("use_scale", true), c.getDouble("dropout", 0.0),
        c.getLongOrNull("seed")).withBaseConfig(c);
  }
}
