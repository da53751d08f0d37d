package org.jeras.layers.attention;

import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.EinsumOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Axes;
import org.jeras.layers.core.EinsumDense;

/**
 * Grouped-query attention (Keras's {@code GroupedQueryAttention}, saved as {@code GroupQueryAttention}):
 * {@code num_query_heads} query heads share {@code num_key_value_heads} key/value heads, each key
 * and value head repeated for {@code num_query_heads / num_key_value_heads} query heads. Inputs are
 * {@code (batch, seq, features)}; the output has the query's shape. Sublayers are tracked under
 * Keras's attribute names ({@code _query_dense}, {@code _key_dense}, {@code _value_dense},
 * {@code _gate_dense}, {@code _output_dense}, {@code _softmax}, {@code _dropout_layer}).
 *
 * <p>Called as Keras calls it: {@code (query, value, key=None, query_mask, value_mask, key_mask,
 * attention_mask, return_attention_scores, training, use_causal_mask)}. Masks combine as in
 * {@link MultiHeadAttention}. Keras's {@code flash_attention} changes only how the same math runs,
 * so it is ignored.
 */
public class GroupedQueryAttention extends BaseMultiHeadAttention<GroupedQueryAttention> {
  private final int headDim;
  private final int numQueryHeads;
  private final int numKeyValueHeads;

  /**
   * Keras's {@code GroupedQueryAttention(head_dim, num_query_heads, num_key_value_heads)}.
   *
   * @param headDim the size of each head
   * @param numQueryHeads the number of query heads
   * @param numKeyValueHeads the number of key and value heads; must divide {@code numQueryHeads}
   */
  public GroupedQueryAttention(int headDim, int numQueryHeads, int numKeyValueHeads) {
    this.headDim = Args.positive(className(), "head_dim", headDim);
    this.numQueryHeads = Args.positive(className(), "num_query_heads", numQueryHeads);
    this.numKeyValueHeads = Args.positive(className(), "num_key_value_heads", numKeyValueHeads);
    if (numQueryHeads % numKeyValueHeads != 0) {
      throw Args.invalid(className(), "num_query_heads", "a multiple of num_key_value_heads (" + numKeyValueHeads
          + ")", numQueryHeads);
    }
  }

  /** Keras exports this class as {@code GroupQueryAttention}, the class name its files carry. */
  @Override
  public String className() {
    return "GroupQueryAttention";
  }

  /** Default names and weight paths follow the Python class: {@code grouped_query_attention}. */
  @Override
  public String pythonClassName() {
    return "GroupedQueryAttention";
  }

  /** Inputs are {@code (batch, Tq, features)}, {@code (batch, Tv, dim)} and optionally the key's. */
  @Override
  public void build(Shape queryShape, Shape valueShape, Shape keyShape) {
    Shape key = keyShape == null ? valueShape : keyShape;
    for (Shape s : new Shape[] {queryShape, valueShape, key}) {
      if (s.rank() != 3) {
        throw new IllegalArgumentException("Layer '" + name() + "' (GroupedQueryAttention) takes inputs of rank 3"
            + " (batch, sequence, features), got shape " + s);
      }
    }
    if (valueShape.get(1) != key.get(1)) {
      throw new IllegalArgumentException("All dimensions of `value` and `key`, except the last one, must be equal."
          + " Received: value_shape=" + valueShape + " and key_shape=" + key);
    }
    long featureDim = queryShape.get(-1);
    queryDense = track("_query_dense", projection("bqm,muh->bquh", numQueryHeads, "uh", "query"));
    queryDense.build(queryShape, true);
    keyDense = track("_key_dense", projection("bkm,mvh->bkvh", numKeyValueHeads, "vh", "key"));
    keyDense.build(key, true);
    if (useGate) {
      gateDense = track("_gate_dense", projection("bqm,muh->bquh", numQueryHeads, "uh", "gate"));
      gateDense.activation("sigmoid");
      gateDense.build(queryShape, true);
    }
    valueDense = track("_value_dense", projection("bkm,mvh->bkvh", numKeyValueHeads, "vh", "value"));
    valueDense.build(valueShape, true);
    buildSoftmaxAndDropout(Axes.of(-1));
    outputDense = track("_output_dense", sublayer(new EinsumDense("bquh,uhm->bqm", Shape.of(Shape.UNKNOWN, featureDim),
        useBias ? "m" : null), "attention_output"));
    outputDense.build(Shape.of(Shape.UNKNOWN, Shape.UNKNOWN, numQueryHeads, headDim), true);
  }

  private EinsumDense projection(String equation, int heads, String biasAxes, String name) {
    return sublayer(new EinsumDense(equation, Shape.of(Shape.UNKNOWN, heads, headDim), useBias ? biasAxes : null), name);
  }

  @Override
  protected Tensor scores(Tensor q, Tensor k) {
    return EinsumOps.einsum("bquh,bkuh->buqk", MathOps.mul(q, 1.0 / Math.sqrt(headDim)), repeatHeads(k));
  }

  @Override
  protected Tensor attend(Tensor weights, Tensor v) {
    return EinsumOps.einsum("buqk,bkuh->bquh", weights, repeatHeads(v));
  }

  /** Each key/value head repeated for its group of query heads. */
  private Tensor repeatHeads(Tensor x) {
    int repeats = numQueryHeads / numKeyValueHeads;
    return repeats > 1 ? ArrayOps.repeat(x, repeats, 2) : x;
  }

  @Override
  protected int attentionAxisCount() {
    return 1;
  }

  @Override
  protected boolean queryMaskFromTensor() {
    return false;
  }

  @Override
  public Config getConfig() {
    Config c = baseConfig();
    c.put("head_dim", headDim)
        .put("num_query_heads", numQueryHeads)
        .put("num_key_value_heads", numKeyValueHeads)
        .put("use_bias", useBias)
        .put("use_gate", useGate)
        .put("sliding_window", slidingWindow)
        .put("dropout", dropout);
    return putWeightSettings(c);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code GroupedQueryAttention.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static GroupedQueryAttention fromConfig(Config c) {
    GroupedQueryAttention g = new GroupedQueryAttention(c.getInt("head_dim"), c.getInt("num_query_heads"),
        c.getInt("num_key_value_heads"));
    // Keras's flash_attention picks a kernel for the same math; it is read and ignored.
    c.getOrNull("flash_attention");
    return g.readCommon(c);
  }
}
