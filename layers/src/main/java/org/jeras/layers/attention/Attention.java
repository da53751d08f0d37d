package org.jeras.layers.attention;

import java.util.List;
import org.jeras.core.graph.Tracer;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.EinsumOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.random.RandomOps;
import org.jeras.core.random.SeedGenerator;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.layers.core.Defaults;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Dot-product (Luong-style) attention (Keras's {@code Attention}), called on {@code [query, value]}
 * or {@code [query, value, key]}: {@code softmax(scores(query, key)) @ value}. Scores are
 * {@code query @ key^T} times an optional learned scalar {@code scale} ({@code score_mode="dot"}),
 * or {@code concat_score_weight * sum(tanh(scale * (query + key)))} ({@code "concat"}).
 *
 * <p>Keyword call arguments: {@code mask} ({@code [query_mask, value_mask]}, defaulting to the
 * inputs' Keras masks), {@code use_causal_mask}, {@code return_attention_scores} (then a second
 * output holds the attention distribution) and {@code training} (dropout on the distribution).
 */
public class Attention extends Layer {
  /** Whether a learned scale multiplies the scores (Keras's {@code use_scale}). */
  protected final boolean useScale;
  private final String scoreMode;
  /** The dropout rate of the attention distribution. */
  protected final double dropout;
  /** The dropout seed, or null. */
  protected final Long seed;
  private final SeedGenerator seedGenerator;
  /** The learned scale, or null without {@code use_scale}. */
  protected Variable scale;
  private Variable concatScoreWeight;

  /**
   * Keras's {@code Attention(use_scale, score_mode, dropout, seed)}.
   *
   * @param useScale whether to learn a scalar scale
   * @param scoreMode {@code "dot"} or {@code "concat"}
   * @param dropout the dropout rate of the attention distribution
   * @param seed the dropout seed, or null
   */
  public Attention(boolean useScale, String scoreMode, double dropout, Long seed) {
    if (!scoreMode.equals("dot") && !scoreMode.equals("concat")) {
      throw new ConfigException("Invalid value for argument score_mode (config key 'score_mode'). Expected one of"
          + " {'dot', 'concat'}. Received: score_mode=" + scoreMode);
    }
    this.useScale = useScale;
    this.scoreMode = scoreMode;
    this.dropout = Args.fraction(className(), "dropout", dropout);
    this.seed = seed;
    this.seedGenerator = dropout > 0 ? new SeedGenerator(seed) : null;
    this.supportsMasking = true;
  }

  /** Keras's {@code Attention()}: every argument at its default. */
  public Attention() {
    this(false, "dot", 0.0, null);
  }

  /** {@return the learned scale, or null without {@code use_scale}} */
  public Variable scale() {
    return scale;
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    validate(inputShapes.size());
    if (useScale) {
      scale = addWeight("scale", new long[0], Defaults.initializer("ones"));
    }
    if (scoreMode.equals("concat")) {
      concatScoreWeight = addWeight("concat_score_weight", new long[0], Defaults.initializer("ones"));
    }
  }

  /**
   * Checks that the layer is called on 2 or 3 inputs.
   *
   * @param inputs the inputs
   */
  protected void validate(int inputs) {
    if (inputs < 2 || inputs > 3) {
      throw new IllegalArgumentException(className() + " layer accepts inputs list of length 2 or 3, namely"
          + " [query, value] or [query, value, key]. Received length: " + inputs + ".");
    }
  }

  /**
   * Scores {@code (batch, Tq, Tv)} of query {@code (batch, Tq, dim)} against key {@code (batch, Tv, dim)}.
   *
   * @param query the query
   * @param key the key
   * @return the scores
   */
  protected Tensor scores(Tensor query, Tensor key) {
    if (scoreMode.equals("dot")) {
      Tensor s = EinsumOps.einsum("...qd,...vd->...qv", query, key);
      return scale == null ? s : MathOps.mul(s, scale.read());
    }
    Tensor sum = MathOps.add(ArrayOps.expandDims(query, -2), ArrayOps.expandDims(key, -3));
    if (scale != null) {
      sum = MathOps.mul(sum, scale.read());
    }
    return MathOps.mul(ReduceOps.sum(NnOps.tanh(sum), false, -1), concatScoreWeight.read());
  }

  @Override
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    List<Tensor> inputs = args.tensors(0);
    validate(inputs.size());
    Tensor query = inputs.get(0);
    Tensor value = inputs.get(1);
    Tensor key = inputs.size() > 2 ? inputs.get(2) : value;
    Tensor[] masks = masks(args);
    Object training = args.kwargs().get("training");
    boolean dropping = (training == null ? ctx.training() : (Boolean) training) && dropout > 0;

    Tensor scores = scores(query, key);
    Tensor keep = masks[1] == null ? null : AttentionMasks.bool(masks[1]);
    if (args.kwBool("use_causal_mask", false)) {
      long[] s = scores.shape().dims();
      Tensor causal = AttentionMasks.causal(s[s.length - 2], s[s.length - 1]);
      keep = keep == null ? causal : AttentionMasks.and(AttentionMasks.expand(keep, -2), causal);
    }
    if (keep != null) {
      if (keep.rank() == 2) {
        keep = AttentionMasks.expand(keep, -2);
      }
      // Masked keys get a large negative score (float16's largest where 1e9 does not fit).
      double large = scores.dtype() == DType.FLOAT16 ? 65504.0 : 1.0e9;
      scores = MathOps.sub(scores, MathOps.cast(MathOps.mul(MathOps.rsub(1.0, keep), large), scores.dtype()));
    }
    Tensor weights = NnOps.softmax(scores, -1);
    Tensor applied = dropping ? RandomOps.dropout(weights, dropout, null, seedGenerator) : weights;
    Tensor output = EinsumOps.einsum("...qv,...vd->...qd", applied, value);
    if (masks[0] != null) {
      Tensor q = AttentionMasks.expand(AttentionMasks.bool(masks[0]), -1);
      output = MathOps.where(q, output,
          Tracer.literal(Tensor.of(Nd4j.scalar(output.value().dataType(), 0.0))));
    }
    return args.kwBool("return_attention_scores", false) ? List.of(output, weights) : List.of(output);
  }

  /** {@code [query_mask, value_mask]}: the {@code mask} keyword, else the inputs' Keras masks. */
  private static Tensor[] masks(CallArgs args) {
    List<Tensor> given = args.kwargs().get("mask") instanceof List<?> ? args.kwTensors("mask") : null;
    List<Tensor> inputs = args.tensors(0);
    Tensor[] out = new Tensor[2];
    for (int i = 0; i < 2; i++) {
      out[i] = given != null ? (i < given.size() ? given.get(i) : null) : inputs.get(i).mask();
    }
    return out;
  }

  /** The output keeps the query's mask. */
  @Override
  protected Tensor computeMask(CallArgs args, List<Tensor> outputs) {
    return masks(args)[0];
  }

  @Override
  public Config getConfig() {
    return super.getConfig()
        .put("use_scale", useScale)
        .put("score_mode", scoreMode)
        .put("dropout", dropout)
        .put("seed", seed == null ? null : seed.intValue());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Attention.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Attention fromConfig(Config c) {
    return new Attention(c.getBoolean("use_scale", false), c.getString("score_mode", "dot"),
        c.getDouble("dropout", 0.0), c.getLongOrNull("seed")).withBaseConfig(c);
  }
}
