package org.jeras.layers.core;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.HasWeightSpecs;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.WeightSpecs;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.layers.ops.MaskOps;

/**
 * Keras's {@code Embedding}: integer ids {@code [...]} to rows of {@code embeddings
 * [input_dim, output_dim]}, giving {@code [..., output_dim]}. With {@code mask_zero} the output
 * carries the mask {@code ids != 0}.
 */
public class Embedding extends Layer implements HasWeightSpecs<Embedding> {
  private final int inputDim;
  private final int outputDim;
  private final WeightSpecs specs = new WeightSpecs("embeddings", "uniform");
  private boolean maskZero;
  private Variable embeddings;

  /**
   * Keras's {@code Embedding(input_dim, output_dim)}.
   *
   * @param inputDim the vocabulary size
   * @param outputDim the size of each embedding vector
   */
  public Embedding(int inputDim, int outputDim) {
    this.inputDim = Args.positive(className(), "input_dim", inputDim);
    this.outputDim = Args.positive(className(), "output_dim", outputDim);
  }

  /**
   * Sets whether index 0 is padding and masked (Keras's {@code mask_zero}).
   *
   * @param v whether it is
   * @return this layer
   */
  public Embedding maskZero(boolean v) {
    this.maskZero = v;
    return this;
  }

  /** Settings of {@code embeddings}. */
  @Override
  public WeightSpecs weightSpecs() {
    return specs;
  }

  /** {@return the vocabulary size (Keras's {@code input_dim})} */
  public int inputDim() {
    return inputDim;
  }

  /** {@return the size of each embedding vector (Keras's {@code output_dim})} */
  public int outputDim() {
    return outputDim;
  }

  /** {@return whether index 0 is padding and masked (Keras's {@code mask_zero})} */
  public boolean maskZero() {
    return maskZero;
  }

  /** {@return the embedding table {@code [input_dim, output_dim]}} */
  public Variable embeddings() {
    return embeddings;
  }

  @Override
  protected void build(Shape inputShape) {
    embeddings = addWeight("embeddings", new long[] {inputDim, outputDim}, specs, "embeddings");
  }

  @Override
  protected boolean autocastsInputs() {
    // Ids stay integers; float ids are truncated by the lookup.
    return false;
  }

  @Override
  protected Tensor call(Tensor ids, CallContext ctx) {
    return MathOps.cast(ArrayOps.gather(embeddings.read(), ids), computeDtype());
  }

  @Override
  protected Tensor computeMask(CallArgs args, List<Tensor> outputs) {
    if (!maskZero) {
      return null;
    }
    return MaskOps.notEqual(args.tensor(0), 0);
  }

  @Override
  public Config getConfig() {
    Config c = super.getConfig().put("input_dim", inputDim).put("output_dim", outputDim);
    specs.putInitializers(c);
    specs.putRegularizers(c).put("activity_regularizer", Serialization.serialize(activityRegularizer()));
    return specs.putConstraints(c)
        .put("mask_zero", maskZero)
        .put("quantization_config", (String) null);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Embedding.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Embedding fromConfig(Config c) {
    EinsumDense.refuseQuantizationAndLora(c, "Embedding");
    Embedding e = new Embedding(c.getInt("input_dim"), c.getInt("output_dim"));
    e.readEmbedding(c);
    return e.withBaseConfig(c);
  }

  /**
   * Reads the weight settings and {@code mask_zero} of {@code c} (shared with subclasses).
   *
   * @param c the layer's config
   */
  protected final void readEmbedding(Config c) {
    specs.read(c);
    maskZero = c.getBoolean("mask_zero", false);
  }
}
