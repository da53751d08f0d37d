package org.jeras.layers.core;

import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * Keras's {@code ReversibleEmbedding}: an {@link Embedding} that, called with {@code reverse=True},
 * projects {@code [..., output_dim]} back to logits {@code [..., input_dim]} through the transposed
 * embedding table ({@code tie_weights}) or its own {@code reverse_embeddings [output_dim, input_dim]},
 * optionally in {@code reverse_dtype} and soft-capped as {@code tanh(logits / cap) * cap}. The
 * reverse call's output carries no mask. Quantized variants are refused.
 */
public class ReversibleEmbedding extends Embedding {
  private boolean tieWeights = true;
  private DType reverseDtype;
  private Double logitSoftCap;
  private Variable reverseEmbeddings;

  /**
   * Keras's {@code ReversibleEmbedding(input_dim, output_dim)}.
   *
   * @param inputDim the vocabulary size
   * @param outputDim the size of each embedding vector
   */
  public ReversibleEmbedding(int inputDim, int outputDim) {
    super(inputDim, outputDim);
  }

  @Override
  public ReversibleEmbedding maskZero(boolean v) {
    super.maskZero(v);
    return this;
  }

  /**
   * Sets whether the reverse projection uses the transposed embeddings (Keras's {@code tie_weights}).
   *
   * @param v whether it does
   * @return this layer
   */
  public ReversibleEmbedding tieWeights(boolean v) {
    this.tieWeights = v;
    return this;
  }

  /**
   * Sets the dtype of the reverse projection (Keras's {@code reverse_dtype}).
   *
   * @param d the dtype, or null for the compute dtype
   * @return this layer
   */
  public ReversibleEmbedding reverseDtype(DType d) {
    this.reverseDtype = d;
    return this;
  }

  /**
   * Sets the soft cap of the reverse call's logits (Keras's {@code logit_soft_cap}).
   *
   * @param cap the cap, or null for none
   * @return this layer
   */
  public ReversibleEmbedding logitSoftCap(Double cap) {
    this.logitSoftCap = cap;
    return this;
  }

  /** {@return the untied reverse projection {@code [output_dim, input_dim]}, or null when tied} */
  public Variable reverseEmbeddings() {
    return reverseEmbeddings;
  }

  @Override
  protected void build(Shape inputShape) {
    super.build(inputShape);
    if (!tieWeights) {
      // Keras gives it the embeddings' initializer, without regularizer or constraint.
      reverseEmbeddings = addWeight("reverse_embeddings", new long[] {outputDim(), inputDim()},
          weightSpecs().get("embeddings").initializer());
    }
  }

  private static boolean reverse(CallArgs args) {
    Object v = args.args().size() > 1 ? args.args().get(1) : args.kwargs().get("reverse");
    return v != null && (Boolean) v;
  }

  @Override
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    if (!reverse(args)) {
      return super.call(args, ctx);
    }
    Tensor x = args.tensor(0);
    Tensor kernel = tieWeights ? ArrayOps.transpose(embeddings().read(), 1, 0) : reverseEmbeddings.read();
    DType dtype = reverseDtype != null ? reverseDtype : computeDtype();
    Tensor logits = LinalgOps.matmul(MathOps.cast(x, dtype), MathOps.cast(kernel, dtype));
    if (logitSoftCap != null) {
      logits = MathOps.mul(NnOps.tanh(MathOps.mul(logits, 1.0 / logitSoftCap)), logitSoftCap);
    }
    return List.of(logits);
  }

  @Override
  protected Tensor computeMask(CallArgs args, List<Tensor> outputs) {
    return reverse(args) ? null : super.computeMask(args, outputs);
  }

  @Override
  public Config getConfig() {
    return super.getConfig()
        .put("tie_weights", tieWeights)
        .put("reverse_dtype", reverseDtype == null ? null : reverseDtype.kerasName())
        .put("logit_soft_cap", logitSoftCap == null ? JsonNull.INSTANCE : new JsonPrimitive(logitSoftCap));
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code ReversibleEmbedding.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static ReversibleEmbedding fromConfig(Config c) {
    EinsumDense.refuseQuantizationAndLora(c, "ReversibleEmbedding");
    ReversibleEmbedding e = new ReversibleEmbedding(c.getInt("input_dim"), c.getInt("output_dim"));
    e.readEmbedding(c);
    e.tieWeights = c.getBoolean("tie_weights", true);
    e.reverseDtype = c.isSet("reverse_dtype") ? DType.of(c.getString("reverse_dtype")) : null;
    e.logitSoftCap = c.isSet("logit_soft_cap") ? c.getDouble("logit_soft_cap") : null;
    return e.withBaseConfig(c);
  }
}
